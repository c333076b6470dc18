import BenchResults
import BenchStatistics
import GateFormats
import Testing

@Suite struct GoBenchfmtReadingTests {
    static let sample = """
    goos: linux
    goarch: amd64
    pkg: example.com/codec
    cpu: Intel(R) Xeon(R) CPU @ 2.20GHz
    BenchmarkEncode/small-8         	 1000000	      1032 ns/op	     256 B/op	       3 allocs/op
    BenchmarkEncode/small-8         	 1000000	      1040 ns/op	     256 B/op	       3 allocs/op
    BenchmarkDecode-8               	  500000	      2000 ns/op	     512 B/op	       5 allocs/op	  12.50 MB/s
    BenchmarkDecode-8               	  500000	      2010 ns/op	     512 B/op	       5 allocs/op	  12.40 MB/s
    BenchmarkCustom-8   100   7 widgets/op   3 items/s
    some log output from a benchmark
    BenchmarkNoisy
    PASS
    ok  	example.com/codec	3.2s

    """

    func read(_ text: String) throws(ResultsError) -> ResultsFile {
        try ResultsFile.decode(anyFormat: Array(text.utf8), path: "go.txt")
    }

    @Test func mapsUnitsAndConfig() throws {
        let file = try read(Self.sample)
        #expect(file.environment.os == "linux")
        #expect(file.environment.arch == "amd64")
        #expect(file.environment.cpuModel == "Intel(R) Xeon(R) CPU @ 2.20GHz")
        #expect(file.environment.extra == ["gomaxprocs": "8"])
        let p = "example.com/codec."  // One package or many, names carry it.
        #expect(file.benchmarks.map(\.name) == [p + "Encode/small", p + "Decode", p + "Custom"])
        let encode = try #require(file[p + "Encode/small"])
        #expect(encode.iterations == [1_000_000, 1_000_000])
        #expect(encode[.time]?.samples == [1032, 1040])
        #expect(encode[.time]?.exact == false)
        #expect(encode[.bytes]?.exact == true)
        #expect(encode[.allocs]?.samples == [3, 3])
        #expect(encode[.allocs]?.exact == true)
        let decode = try #require(file[p + "Decode"])
        #expect(decode[.throughput]?.samples == [12.5e6, 12.4e6])
        #expect(decode[.throughput]?.better == .higher)
        #expect(decode[.throughput]?.unit == .bytesPerSecond)
        let custom = try #require(file[p + "Custom"])
        #expect(custom.metrics["widgets/op"]?.exact == false)
        #expect(custom.metrics["widgets/op"]?.better == .lower)
        #expect(custom.metrics["items/s"]?.better == .higher)
    }

    @Test func unitLinesDeclareExactAndDirection() throws {
        let file = try read("""
        Unit widgets/op assume=exact
        Unit score better=higher
        BenchmarkX 10 7 widgets/op 3 score
        """)
        #expect(file["X"]?.metrics["widgets/op"]?.exact == true)
        #expect(file["X"]?.metrics["score"]?.better == .higher)
    }

    @Test func mixedProcsKeepTheSuffix() throws {
        let file = try read("BenchmarkX-1 10 5 ns/op\nBenchmarkX-4 10 2 ns/op\n")
        #expect(file.benchmarks.map(\.name) == ["X-1", "X-4"])
        #expect(file.environment.extra == nil)
    }

    @Test func everyPackageQualifiesNames() throws {
        let file = try read("pkg: a\nBenchmarkX 10 5 ns/op\npkg: b\nBenchmarkX 10 7 ns/op\n")
        #expect(file.benchmarks.map(\.name) == ["a.X", "b.X"])
        #expect(file.environment.extra?["pkg"] == nil)
        let one = try read("pkg: a\nBenchmarkX 10 5 ns/op\npkg: a\nBenchmarkX 10 7 ns/op\n")
        #expect(one.benchmarks.map(\.name) == ["a.X"])
        #expect(one["a.X"]?[.time]?.samples == [5, 7])
        #expect(one.environment.extra?["pkg"] == nil)
    }

    @Test func failLinesMarkTheBenchmarkFailed() throws {
        let file = try read("BenchmarkA 10 5 ns/op\n--- FAIL: BenchmarkB-8\n    b_test.go:12: boom\nFAIL\n")
        #expect(file["B"]?.status == .failed)
        #expect(file["A"]?.status == .ok)
    }

    @Test func crlfLines() throws {
        let file = try read("goos: linux\r\nBenchmarkA-2 10 5 ns/op\r\n")
        #expect(file.environment.os == "linux")
        #expect(file["A"]?[.time]?.samples == [5])
    }

    @Test(arguments: [
        ("BenchmarkA 10 5", "go.txt: at line 1: expected \"BenchmarkName N value unit [value unit...]\""),
        ("BenchmarkA 10 x ns/op", "go.txt: at line 1: \"x\" is not a number (for ns/op)"),
        ("BenchmarkA 10 NaN ns/op", "go.txt: at line 1: \"NaN\" is not a number (for ns/op)"),
        ("BenchmarkA 10 -5 ns/op", "go.txt: at line 1: -5.0 ns/op is negative"),
        ("BenchmarkA 0 5 ns/op", "go.txt: at line 1: iteration count 0 must be positive"),
        ("BenchmarkA 10 5 ns/op 6 ns/op", "go.txt: at line 1: unit ns/op appears twice"),
        ("BenchmarkA 10 5 ns/op\nBenchmarkA 10 5 ns/op 3 B/op", "go.txt: at line 2: B/op is missing from earlier lines of this benchmark"),
        ("hello world\n", "go.txt: neither a memgate results file (JSON) nor Go benchmark output (no Benchmark lines)"),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect(throws: ResultsError.self) { try read(text) }
        do { _ = try read(text) } catch { #expect(error.description == message) }
    }
}

@Suite struct GoBenchfmtWritingTests {
    @Test func roundTrip() throws {
        let original = try ResultsFile.decode(anyFormat: Array(GoBenchfmtReadingTests.sample.utf8), path: "go.txt")
        let text = GoBenchfmt.write(original)
        #expect(text.contains("Unit allocs/op assume=exact\n"))
        #expect(text.contains("Unit B/op assume=exact\n"))
        #expect(text.contains("Benchmarkexample.com/codec.Decode-8\t500000\t2010 ns/op\t5 allocs/op\t512 B/op\t12.4 MB/s\n"))
        let again = try ResultsFile.decode(anyFormat: Array(text.utf8), path: "round.txt")
        #expect(again.benchmarks == original.benchmarks)
        #expect(again.environment.os == original.environment.os)
    }

    /// benchfmt's rules: a configuration key starts with a lower-case letter and has no
    /// spaces or upper-case letters; the value follows `: ` on the same line.
    @Test func configLinesFollowBenchfmtRules() {
        let environment = Environment(
            os: "Linux", kernel: "6.18", arch: "x86_64", cpuModel: "AMD EPYC", cores: 2, swiftVersion: "6.3.1",
            buildConfiguration: "release", gitCommit: "abc", gitDirty: true, allocator: "glibc (counted)",
            benchKitVersion: "0.1", date: "2026-01-01T00:00:00Z", extra: ["Odd Key": "multi\nline", "gomaxprocs": "2"])
        let text = GoBenchfmt.write(ResultsFile(environment: environment, benchmarks: []))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 13)
        for line in lines {
            let colon = line.firstIndex(of: ":")!
            let key = line[..<colon]
            #expect(key.first!.isLowercase, "\(line)")
            #expect(!key.contains { $0.isWhitespace || $0.isUppercase }, "\(line)")
            #expect(line[colon...].hasPrefix(": "), "\(line)")
        }
        #expect(text.contains("\nodd-key: multi line\n"))
        #expect(text.contains("\ndirty: true\n"))
    }

    @Test func safeNamesAndDistinctUnits() throws {
        let file = ResultsFile(environment: Environment(os: "Linux", buildConfiguration: "release"), benchmarks: [
            BenchmarkResult(name: "sort n=1000\tfast", iterations: [10], metrics: [
                "time": Metric(unit: .nanosecondsPerOp, samples: [5]),
                "cpu": Metric(unit: .nanosecondsPerOp, samples: [4]),
                "p99": Metric(unit: .nanoseconds, samples: [9]),
                "peakRSS": Metric(unit: .bytes, samples: [4096]),
                "hits": Metric(unit: MetricUnit("hits/op"), better: .higher, exact: true, samples: [2]),
            ]),
            BenchmarkResult(name: "Broken", status: .crashed, message: "signal 11\nwith detail"),
        ])
        let text = GoBenchfmt.write(file)
        #expect(text.contains("goos: linux\n"))
        #expect(text.contains("build: release\n"))
        #expect(text.contains("Unit hits-hits/op assume=exact\n"))
        #expect(text.contains("Unit hits-hits/op better=higher\n"))
        #expect(text.contains("Benchmarksort_n=1000_fast\t10\t5 ns/op\t4 cpu-ns/op\t9 p99-ns\t4096 peakRSS-B\t2 hits-hits/op\n"))
        #expect(text.contains("--- FAIL: BenchmarkBroken\n    crashed: signal 11 with detail\n"))
        let back = try ResultsFile.decode(anyFormat: Array(text.utf8), path: "x")
        #expect(text.contains("Unit hits-hits/op metric=hits\n"))
        #expect(back["sort_n=1000_fast"]?.metrics["hits"]?.exact == true)
        #expect(back["sort_n=1000_fast"]?.metrics["hits"]?.unit == MetricUnit("hits/op"))
        #expect(back["Broken"]?.status == .failed)
    }
}

@Suite struct AnyFormatTests {
    @Test func detectsJSON() {
        #expect(GoBenchfmt.looksLikeJSON(Array("  \n{".utf8)))
        #expect(!GoBenchfmt.looksLikeJSON(Array("goos: linux".utf8)))
        #expect(!GoBenchfmt.looksLikeJSON([]))
    }

    @Test func deepNestingIsRejectedQuickly() {
        let bytes = Array(("{\"a\": " + String(repeating: "[", count: 100_000)).utf8)
        do {
            _ = try ResultsFile.decode(anyFormat: bytes, path: "deep.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "deep.json: at line 1, column 70: not valid JSON: nested more than 64 levels deep")
        }
    }

    /// A cut-off document is called truncated, at the byte where it ends; brackets and
    /// escaped quotes inside strings do not count.
    @Test(arguments: [
        (#"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a{["#,
         "not valid JSON: the file ends inside a string; it looks truncated (an interrupted write or copy?)"),
        (#"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "}]\""}"#,
         "not valid JSON: the file ends with 2 arrays or objects still open; it looks truncated (an interrupted write or copy?)"),
        (#"{"format": "memgate-results", "schema": 1, "benchmarks": ["#,
         "not valid JSON: the file ends with 2 arrays or objects still open; it looks truncated (an interrupted write or copy?)"),
        (#"{"format": "memgate-results""#,
         "not valid JSON: the file ends with 1 array or object still open; it looks truncated (an interrupted write or copy?)"),
    ])
    func truncatedDocumentIsSaidToBeTruncated(text: String, message: String) {
        do {
            _ = try ResultsFile.decode(anyFormat: Array(text.utf8), path: "t.json")
            Issue.record("accepted")
        } catch {
            // The place is the end of the file.
            #expect(error.description == "t.json: at line 1, column \(text.utf8.count + 1): " + message)
        }
    }

    @Test func bracketsInsideStringsDoNotCount() {
        let name = String(repeating: "[", count: 500)
        let json = #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "\#(name)", "status": "ok", "iterations": [1], "#
            + #""metrics": {"time": {"unit": "ns/op", "better": "lower", "samples": [1]}}}]}"#
        #expect(throws: Never.self) { try ResultsFile.decode(anyFormat: Array(json.utf8), path: "s.json") }
    }

    @Test func whitespaceOnlyIsEmpty() {
        #expect(throws: ResultsError.empty(path: "w.txt")) { try ResultsFile.decode(anyFormat: Array(" \n\t\n".utf8), path: "w.txt") }
    }
}

/// The fast results reader must agree with `JSONDecoder` on everything it accepts, and
/// hand everything else to the decoder (which names the error).
@Suite struct FastJSONReaderTests {
    static let document = #"""
    {"format": "memgate-results", "schema": 1, "unknownTop": {"nested": [1, {"x": null}]},
     "environment": {"os": "Linux", "cores": 2, "gitDirty": false, "kernel": null, "extra": {"k": "v\u00e9\n"}},
     "benchmarks": [
       {"name": "json/\"quoted\"\\é😀", "status": "ok", "iterations": [10, 20], "latency": {"batchSize": 4},
        "metrics": {"time": {"unit": "ns/op", "better": "lower", "samples": [1.5e2, -0.0, 3E-1], "summary": {"median": 1}},
                    "allocs": {"unit": "allocs/op", "better": "lower", "exact": true, "samples": [3, 3]},
                    "custom \ud83d\ude00": {"unit": "x", "better": "higher", "exact": null, "samples": [0.1]}}},
       {"name": "broken", "status": "crashed", "message": "signal 11", "iterations": [], "metrics": {}}
     ]}
    """#

    @Test func agreesWithJSONDecoder() throws {
        let bytes = Array(Self.document.utf8)
        let viaDecoder = try ResultsFile.decode(json: bytes, path: "d.json")
        let viaAny = try ResultsFile.decode(anyFormat: bytes, path: "d.json")
        #expect(viaAny == viaDecoder)
        #expect(viaAny["json/\"quoted\"\\é😀"]?.latency?.batchSize == 4)
        #expect(viaAny.environment.extra == ["k": "vé\n"])
    }

    @Test(arguments: [
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "#
            + #""metrics": {"t": {"unit": "ns", "better": "lower", "samples": [01]}}}]}"#,
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "#
            + #""metrics": {"t": {"unit": "ns", "better": "lower", "samples": [1.]}}}]}"#,
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "#
            + #""metrics": {"t": {"unit": "ns", "better": "lower", "samples": [inf]}}}]}"#,
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "sideways", "iterations": [1], "#
            + #""metrics": {}}]}"#,
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1.5], "metrics": {}}]}"#,
        #"{"format": "memgate-results", "schema": 1, "benchmarks": []} trailing"#,
        "{\"format\": \"memgate-results\", \"schema\": 1, \"benchmarks\": [{\"name\": \"a\u{01}\"}]}",
    ])
    func rejectsWhatTheDecoderRejects(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(throws: ResultsError.self) { try ResultsFile.decode(json: bytes, path: "x.json") }
        #expect(throws: ResultsError.self) { try ResultsFile.decode(anyFormat: bytes, path: "x.json") }
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array(#"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array((#"", "status": "ok", "iterations": [1], "#
            + #""metrics": {"t": {"unit": "ns", "better": "lower", "samples": [1]}}}]}"#).utf8)
        #expect(throws: ResultsError.self) { try ResultsFile.decode(anyFormat: bytes, path: "x.json") }
    }
}

@Suite struct FastNumberTests {
    /// The fast path must give exactly what strtod (Swift's `Double(String)`) gives.
    @Test func matchesStrtod() throws {
        var texts = ["0", "-0", "1", "0.1", "0.3", "123.456", "-987654.321", "1e3", "2.5E-3", "999999999999999",
                     "0.000000000000000000001", "123456789012345678", "1.7976931348623157e308", "4.9e-324", "0.1234567890123456789"]
        var random = SeededRandom(seed: 3)
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...17, using: &random)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            while text.count > 1 && text.hasPrefix("0") { text.removeFirst() }
            let point = Int.random(in: 0...text.count, using: &random)
            if point > 0 && point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            texts.append(text)
        }
        for text in texts {
            let json = #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "#
                + #""metrics": {"t": {"unit": "u", "better": "lower", "samples": [\#(text)]}}}]}"#
            let file = try ResultsFile.decode(anyFormat: Array(json.utf8), path: "n.json")
            let expected = try #require(Double(text))
            #expect(file["a"]?.metrics["t"]?.samples == [expected], "\(text)")
        }
    }
}
