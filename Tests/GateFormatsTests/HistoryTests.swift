import Testing
@testable import BenchResults
@testable import GateFormats

/// The history model: entries from results, JSON Lines round trips, keep-N, line-numbered
/// errors, non-finite values, baseline updates and the trend series.
@Suite struct HistoryTests {
    static func results(time: [Double] = [120, 100, 110], allocs: Double = 3) -> ResultsFile {
        ResultsFile(benchmarks: [
            BenchmarkResult(name: "json/encode", iterations: [10, 10, 10], metrics: [
                "time": Metric(unit: .nanosecondsPerOp, samples: time),
                "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [allocs, allocs, allocs]),
            ]),
            BenchmarkResult(name: "sort/n=10", iterations: [5], metrics: ["time": Metric(unit: .nanosecondsPerOp, samples: [7])]),
            BenchmarkResult(name: "crashes", status: .crashed, message: "SIGSEGV"),
        ])
    }

    static func entry(_ day: Int, baseline: String = "00aa", time: [Double] = [120, 100, 110], allocs: Double = 3) -> HistoryEntry {
        HistoryEntry(results: results(time: time, allocs: allocs), commit: String(format: "%040x", day),
                     date: "2026-11-\(day < 10 ? "0" : "")\(day)T12:00:00Z", baselineHash: baseline)
    }

    static func lines(_ entries: [HistoryEntry]) throws -> String {
        String(decoding: try History(entries: entries).jsonLines(), as: UTF8.self)
    }

    @Test func anEntrySummarisesEveryCompletedBenchmark() throws {
        let entry = Self.entry(1)
        #expect(entry.benchmarks.map(\.name) == ["json/encode", "sort/n=10"])
        let time = try #require(entry["json/encode"]?.metrics["time"])
        #expect(time == HistoryEntry.MetricSummary(unit: .nanosecondsPerOp, median: 110, min: 100, max: 120))
        #expect(entry["json/encode"]?.metrics["allocs"]?.median == 3)
        #expect(entry["crashes"] == nil)
        #expect(entry.schema == HistoryEntry.currentSchema)
    }

    @Test func entriesRoundTripThroughJSONLines() throws {
        let entries = [Self.entry(1), Self.entry(2, baseline: "", time: [0.125, 1e-9, 3.5e12]), Self.entry(3, allocs: 0)]
        let text = try Self.lines(entries)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 4)  // three lines, each ended
        #expect(text.hasPrefix(#"{"baseline":"00aa","benchmarks":[{"metrics":{"allocs":{"max":3,"median":3,"min":3,"#))
        let parsed = try History.parse(Array(text.utf8), path: "h.jsonl")
        #expect(parsed.entries == entries)
        #expect(try parsed.jsonLines() == History(entries: entries).jsonLines())
    }

    @Test func linesReadAreWrittenBackVerbatim() throws {
        // A field a newer memgate might add survives an append by this one; blank lines and a
        // missing final line break are tolerated and tidied.
        let first = try Self.lines([Self.entry(1)]).dropLast().replacingOccurrences(of: #""commit""#, with: #""future":[1,{}],"commit""#)
        var history = try History.parse(Array("\n\(first)\r\n  \n".utf8), path: "h.jsonl")
        try history.append(Self.entry(2), keeping: 10)
        let written = String(decoding: try history.jsonLines(), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(written.count == 2)
        #expect(written[0] == first)
        #expect(try History.parse(Array(written.joined(separator: "\n").utf8), path: "h").entries == [Self.entry(1), Self.entry(2)])
    }

    @Test func appendKeepsTheNewestN() throws {
        var history = History()
        for day in 1...7 { try history.append(Self.entry(day), keeping: 5) }
        #expect(history.entries.map { String($0.date.prefix(10)) } == (3...7).map { "2026-11-0\($0)" })
        try history.append(Self.entry(8), keeping: 1)
        #expect(history.entries == [Self.entry(8)])
        let reread = try History.parse(try history.jsonLines(), path: "h")
        #expect(reread.entries.count == 1)
    }

    @Test func badLinesAreRejectedWithTheirNumber() throws {
        let good = try Self.lines([Self.entry(1)]).dropLast()
        func check(_ lines: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try History.parse(Array(lines.joined(separator: "\n").utf8), path: "h.jsonl")
                Issue.record("accepted \(lines.last ?? "")", sourceLocation: sourceLocation)
            } catch {
                #expect("\(error)".contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        }
        let torn = String(good.prefix(good.count / 2))
        check([String(good), "", torn], "h.jsonl: at line 3, column ")
        check([String(good), "{}"], "h.jsonl: at line 2, format: not a memgate history line")
        check([good.replacingOccurrences(of: #""schema":1"#, with: #""schema":2"#)], "at line 1, schema: history schema 2 is not supported")
        check([String(good), String(good), good.replacingOccurrences(of: #""date":"2026-11-01T12:00:00Z""#, with: #""date":"yesterday""#)],
              "at line 3, date: \"yesterday\" is not an ISO 8601 date")
        check([good.replacingOccurrences(of: #""commit":""#, with: #""commit":"a b"#)], "at line 1, commit:")
        check([good.replacingOccurrences(of: #""sort/n=10""#, with: #""json/encode""#)], "duplicate benchmark name (also benchmarks[0])")
        check([good.replacingOccurrences(of: #""median":110"#, with: #""median":130"#)],
              "min 100.0, median 130.0, max 120.0 are not in order")
        check([good.replacingOccurrences(of: #""commit""#, with: #""commit":1,"x""#)], "at line 1, commit: expected a string")
        check([String(good), "[1, 2]"], "at line 2")
    }

    @Test func nonFiniteValuesAreRejected() throws {
        let good = try Self.lines([Self.entry(1)]).dropLast()
        for bad in ["1e999", "NaN", "-Infinity"] {
            let line = good.replacingOccurrences(of: #""max":120"#, with: "\"max\":\(bad)")
            #expect(throws: ResultsError.self) { try History.parse(Array("\(good)\n\(line)".utf8), path: "h") }
            do { _ = try History.parse(Array("\(good)\n\(line)".utf8), path: "h") } catch {
                #expect("\(error)".contains("line 2"), "\(error)")
            }
        }
        for value in [Double.nan, .infinity, -.infinity] {
            var entry = Self.entry(2)
            entry.benchmarks[1].metrics["time"]!.median = value
            var history = History(entries: [Self.entry(1)])
            #expect(throws: ResultsError.self) { try history.append(entry, keeping: 10) }
            #expect(history.entries.count == 1)
            do { _ = try History(entries: [Self.entry(1), entry]).jsonLines() } catch {
                #expect("\(error)".contains("line 2, benchmarks[1] \"sort/n=10\".metrics.time.median: \(value) is not a finite number"),
                        "\(error)")
            }
        }
    }

    @Test func aChangedBaselineHashMarksAnUpdate() {
        let history = History(entries: [
            Self.entry(1, baseline: "aa"), Self.entry(2, baseline: "aa"), Self.entry(3, baseline: "bb"),
            Self.entry(4, baseline: "bb"), Self.entry(5, baseline: ""), Self.entry(6, baseline: "aa"),
        ])
        #expect(history.runs { _ in true }.map(\.baselineUpdate) == [false, false, true, false, true, true])
        let series = history.series(benchmark: "json/encode", metric: "allocs")
        #expect(series.map(\.baselineUpdate) == [false, false, true, false, true, true])
        // A series compares each point with the previous point: runs that skip the metric do not hide an update.
        var skipped = history.entries
        skipped[2].benchmarks[0].metrics["allocs"] = nil
        skipped[4].benchmarks[0].metrics["allocs"] = nil
        #expect(History(entries: skipped).series(benchmark: "json/encode", metric: "allocs").map(\.baselineUpdate)
            == [false, false, true, true])
    }

    @Test func seriesFollowsFileOrder() {
        let history = History(entries: [Self.entry(1, time: [10, 20, 30]), Self.entry(2, time: [5, 6, 7]), Self.entry(3)])
        let series = history.series(benchmark: "json/encode", metric: "time")
        #expect(series.map(\.median) == [20, 6, 110])
        #expect(series.map(\.min) == [10, 5, 100])
        #expect(series.map(\.max) == [30, 7, 120])
        #expect(series.first?.commit == String(format: "%040x", 1))
        #expect(series.first?.date == "2026-11-01T12:00:00Z")
        #expect(series.first?.unit == .nanosecondsPerOp)
        #expect(history.series(benchmark: "json/encode", metric: "bytes").isEmpty)
        #expect(history.series(benchmark: "nope", metric: "time").isEmpty)
        #expect(history.benchmarkNames == ["json/encode", "sort/n=10"])
        #expect(history.metricNames(of: "json/encode") == ["time", "allocs"])
    }

    @Test func datesAreNormalisedToUTC() {
        #expect(HistoryEntry.normalizedDate("2026-12-02T16:00:00+02:00") == "2026-12-02T14:00:00Z")
        #expect(HistoryEntry.normalizedDate("2026-12-02T14:00:00Z") == "2026-12-02T14:00:00Z")
        #expect(HistoryEntry.normalizedDate("2026-12-02") == nil)
        #expect(HistoryEntry.normalizedDate("2026-13-02T14:00:00Z") == nil)
    }

    @Test func baselineHashIsFNV1aOfTheBytes() {
        // The FNV-1a 64 test vectors of the reference page.
        #expect(FNV1a.hexDigits(of: Array("".utf8)) == "cbf29ce484222325")
        #expect(FNV1a.hexDigits(of: Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(HistoryEntry.baselineHash(of: Array("{}\n".utf8)) != HistoryEntry.baselineHash(of: Array("{} \n".utf8)))
    }
}
