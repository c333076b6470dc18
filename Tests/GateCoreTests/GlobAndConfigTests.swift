import BenchResults
import Testing
@testable import GateCore

@Suite struct GlobTests {
    func check(_ pattern: String, _ name: String, _ expected: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Glob(pattern).matches(name) == expected, "\(pattern) vs \(name)", sourceLocation: sourceLocation)
    }

    @Test func matching() {
        check("json/*", "json/encode", true)
        check("json/*", "json/encode/small", true)     // * crosses /
        check("json/*", "json", false)
        check("json/*", "json/", true)
        check("*", "", true)
        check("*", "anything/at/all", true)
        check("sort/n=?", "sort/n=1", true)
        check("sort/n=?", "sort/n=10", false)
        check("sort/n=??", "sort/n=10", true)
        check("*encode*", "json/encode/small", true)
        check("*/small", "json/encode/small", true)
        check("*/small", "json/encode/smaller", false)
        check("a*b*c", "aXbYc", true)
        check("a*b*c", "aXbY", false)
        check("exact", "exact", true)
        check("exact", "exactly", false)
        check("é*", "éclair", true)
    }

    @Test func pathologicalPatternIsFast() {
        let name = String(repeating: "a", count: 2000)
        let pattern = String(repeating: "*a", count: 50) + "b"
        let start = ContinuousClock.now
        #expect(!Glob(pattern).matches(name))
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}

@Suite struct ConfigTests {
    func parse(_ json: String) throws(ConfigError) -> GateConfig {
        try GateConfig(json: Array(json.utf8), path: "memgate.json")
    }

    func error(_ json: String) -> ConfigError? {
        do { _ = try parse(json); return nil } catch { return error }
    }

    @Test func fullExample() throws {
        let config = try parse("""
        { "thresholds": { "time": "15%", "allocs": "+0" },
          "alpha": 0.01, "inconclusive": "fail", "noisy": "report",
          "benchmarks": [ { "match": "json/*", "thresholds": { "bytes": "10%" } } ],
          "executables": ["ExampleBenchmarks"] }
        """)
        #expect(config.thresholds["time"] == .percent(15))
        #expect(config.thresholds["allocs"] == .absolute(0))
        #expect(config.alpha == 0.01)
        #expect(config.inconclusive == .fail)
        #expect(config.noisy == .report)
        #expect(config.benchmarks.count == 1)
        #expect(config.benchmarks[0].match.pattern == "json/*")
        #expect(config.benchmarks[0].thresholds["bytes"] == .percent(10))
        #expect(config.executables == ["ExampleBenchmarks"])
    }

    @Test func noisyPerMetricObject() throws {
        let config = try parse(#"{"noisy": {"*": "report", "peakRSS": "gate", "p99": "report"}}"#)
        #expect(config.noisy == .report)
        #expect(config.noisyByMetric == ["peakRSS": .gate, "p99": .report])
        let noDefault = try parse(#"{"noisy": {"time": "report"}}"#)
        #expect(noDefault.noisy == nil)
        #expect(noDefault.noisyByMetric == ["time": .report])
        #expect(try parse(#"{"noisy": {}}"#) == GateConfig())
    }

    @Test func unstableFloorIsAPercentage() throws {
        #expect(try parse(#"{"unstableFloor": "35%"}"#).unstableFloor == 0.35)
        #expect(try parse("{}").unstableFloor == nil)
        #expect(error(#"{"unstableFloor": "+2"}"#)?.description
            == #"memgate.json: at unstableFloor: threshold "+2" is not a percentage alone, like 20%"#)
        #expect(error(#"{"unstableFloor": "off"}"#)?.description
            == #"memgate.json: at unstableFloor: threshold "off" is not a percentage alone, like 20%"#)
        #expect(error(#"{"unstableFloor": 0.2}"#)?.description == "memgate.json: at unstableFloor: expected a string, found 0.2")
    }

    @Test func roundsIsAWholeNumber() throws {
        #expect(try parse(#"{"rounds": 12}"#).rounds == 12)
        #expect(error(#"{"rounds": 1001}"#)?.description == "memgate.json: at rounds: 1001 is not in 1...1000")
        #expect(error(#"{"rounds": 2.5}"#)?.description == "memgate.json: at rounds: expected a whole number, found 2.5")
        #expect(error(#"{"rounds": "10"}"#)?.description == #"memgate.json: at rounds: expected a whole number, found "10""#)
    }

    @Test func emptyObjectIsDefaults() throws {
        #expect(try parse("{}") == GateConfig())
    }

    @Test func errorsNameKeyPathAndValue() {
        func check(_ json: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(error(json)?.description == expected, sourceLocation: sourceLocation)
        }
        check(#"{"threshold": {}}"#,
              #"memgate.json: at threshold: unknown key "threshold" "#
              + #"(known: thresholds, alpha, inconclusive, noisy, unstableFloor, allowMissing, rounds, benchmarks, executables)"#)
        check(#"{"allowMissing": "yes"}"#, #"memgate.json: at allowMissing: expected true or false, found "yes""#)
        check(#"{"thresholds": {"time": "ten%"}}"#, #"memgate.json: at thresholds.time: threshold "ten%" is not a percentage like 10%"#)
        check(#"{"thresholds": {"time": 10}}"#, "memgate.json: at thresholds.time: expected a string, found 10")
        check(#"{"thresholds": {"time": "+1MiB"}}"#,
              #"memgate.json: at thresholds.time: threshold "+1MiB" uses a bytes unit, but time is not measured in bytes"#)
        check(#"{"alpha": 2}"#, "memgate.json: at alpha: 2.0 is not in [1e-12, 0.5]")
        check(#"{"alpha": "0.01"}"#, #"memgate.json: at alpha: expected a number, found "0.01""#)
        check(#"{"alpha": true}"#, "memgate.json: at alpha: expected a number, found true")
        check(#"{"inconclusive": "maybe"}"#, #"memgate.json: at inconclusive: "maybe" is not one of pass, fail, report"#)
        check(#"{"benchmarks": [{"match": "a/*", "threshold": {}}]}"#,
              #"memgate.json: at benchmarks[0].threshold: unknown key "threshold" (known: match, thresholds)"#)
        check(#"{"benchmarks": [{"thresholds": {}}]}"#, #"memgate.json: at benchmarks[0]: missing "match" (a benchmark-name glob)"#)
        check(#"{"benchmarks": [{"match": "x", "thresholds": {"bytes": "5"}}, {"match": "y", "thresholds": {"bytes": "x"}}]}"#,
              #"memgate.json: at benchmarks[1].thresholds.bytes: threshold "x" is not a percentage (10%) or an amount (+2, +1MiB, +500ns)"#)
        check(#"{"noisy": "sometimes"}"#, #"memgate.json: at noisy: "sometimes" is not one of gate, report"#)
        check(#"{"noisy": true}"#, #"memgate.json: at noisy: expected "gate", "report" or an object of metric: policy, found true"#)
        check(#"{"noisy": {"peakRSS": "yes"}}"#, #"memgate.json: at noisy.peakRSS: "yes" is not one of gate, report"#)
        check(#"{"noisy": {"*": 1}}"#, #"memgate.json: at noisy.*: expected "gate" or "report", found 1"#)
        check(#"{"noisy": {"": "gate"}}"#, #"memgate.json: at noisy.: the metric name is empty; use "*" for every noisy metric"#)
        check(#"{"noisy": {"allocs": "report"}}"#,
              #"memgate.json: at noisy.allocs: allocs is an exact metric, always gated by its threshold; "#
              + #"to only show it, set "thresholds": {"allocs": "off"}"#)
        check(#"{"executables": [1]}"#, "memgate.json: at executables[0]: expected a string, found 1")
        check("[]", "memgate.json: expected an object, found an array")
    }

    @Test func invalidJSON() {
        #expect(error("{")?.description == "memgate.json: at line 1, column 2: not valid JSON: the file ends with 1 array or "
            + "object still open; it looks truncated (an interrupted write or copy?)")
        #expect(error(String(repeating: "[", count: 100_000))?.description
            == "memgate.json: at line 1, column 65: not valid JSON: nested more than 64 levels deep")
        #expect(error("")?.description == "memgate.json: at line 1, column 1: not valid JSON: the file holds no JSON value")
    }

    @Test func precedence() throws {
        let config = try parse("""
        { "thresholds": { "time": "15%", "bytes": "8%" },
          "benchmarks": [ { "match": "json/*", "thresholds": { "bytes": "10%", "time": "20%" } },
                          { "match": "json/big*", "thresholds": { "bytes": "30%" } },
                          { "match": "*", "thresholds": { "p99": "off" } } ] }
        """)
        let policy = ThresholdPolicy(config: config, overrides: ["p50": .percent(1)])
        func text(_ benchmark: String, _ metric: String, exact: Bool = false) -> String {
            policy.threshold(benchmark: benchmark, metric: metric, exact: exact).text
        }
        #expect(text("sort", "allocs", exact: true) == "+0")      // built-in default
        #expect(text("sort", "time") == "15%")                    // config file-wide
        #expect(text("sort", "bytes", exact: true) == "8%")
        #expect(text("json/small", "bytes", exact: true) == "10%")  // glob override
        #expect(text("json/small", "time") == "20%")
        #expect(text("json/big/1", "bytes", exact: true) == "30%")  // later entry wins
        #expect(text("json/big/1", "time") == "20%")                 // earlier entry still applies to other metrics
        #expect(text("json/big/1", "p99") == "off")
        #expect(text("json/big/1", "p50") == "1%")                   // command line wins over everything
        let cli = ThresholdPolicy(config: config, overrides: ["bytes": .percent(2)])
        #expect(cli.threshold(benchmark: "json/big/1", metric: "bytes", exact: true).text == "2%")
    }
}
