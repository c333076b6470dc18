import BenchResults
import Foundation
import GateFormats
import Testing

/// History lines on the one JSON reader and writer: new lines are written by `JSONWriter`
/// (`HistoryEntry.jsonValue`, `.compact`), the same bytes `JSONEncoder` with `.sortedKeys`
/// wrote before, so files do not churn; lines are read by `HistoryEntry(json:)` from
/// `StrictJSON.parse`'s tree, naming the field as `JSONDecoder` did.
@Suite struct HistoryLineJSONTests {
    /// The line as the Codable encoder wrote it (the entry's former `encode(to:)`).
    struct EncodedLine: Encodable {
        var format = HistoryEntry.formatName
        var schema = HistoryEntry.currentSchema
        var commit: String
        var date: String
        var baseline: String
        var benchmarks: [HistoryEntry.Benchmark]
    }

    @Test func newLinesAreTheBytesJSONEncoderWrote() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let summaries: [String: HistoryEntry.MetricSummary] = [
            "time": .init(unit: .nanosecondsPerOp, median: 0.125, min: 1e-9, max: 3.5e12),
            "allocs": .init(unit: .allocationsPerOp, median: 3, min: 3, max: 3),
            "p99.9": .init(unit: .nanoseconds, median: 123456789012345, min: 1.5, max: 1e16),
            "Zed": .init(unit: MetricUnit("items/s"), median: 2.5e20, min: 0.1, max: 4e20),
        ]
        let entry = HistoryEntry(commit: "v1.2", date: "2026-12-02T14:00:00Z", baselineHash: "00aa", benchmarks: [
            .init(name: "json/encode", metrics: summaries), .init(name: "café \"q\" \\ é😀\t", metrics: [:]),
        ])
        let old = try encoder.encode(EncodedLine(commit: entry.commit, date: entry.date, baseline: entry.baselineHash,
                                                 benchmarks: entry.benchmarks))
        #expect(entry.jsonValue.written(.compact) == String(decoding: old, as: UTF8.self))
        let written = try History(entries: [entry]).jsonLines()
        #expect(try History.parse(written, path: "h").entries == [entry])
    }

    @Test func readingNamesTheFieldAndIgnoresUnknownKeys() throws {
        let good = #"{"format":"memgate-history","schema":1,"commit":"c","date":"2026-12-02T14:00:00Z","baseline":"","#
            + #""benchmarks":[{"name":"b","metrics":{"time":{"unit":"ns/op","median":2,"min":1,"max":3}}}],"later":{"x":[1]}}"#
        let entry = try HistoryEntry(json: StrictJSON.parse(Array(good.utf8)))
        #expect(entry.benchmarks == [.init(name: "b", metrics: ["time": .init(unit: .nanosecondsPerOp, median: 2, min: 1, max: 3)])])
        func problem(_ from: String, _ to: String) -> String {
            do {
                _ = try HistoryEntry(json: StrictJSON.parse(Array(good.replacingOccurrences(of: from, with: to).utf8)))
                return "accepted"
            } catch let error as HistoryEntry.DecodingProblem {
                return "\(error.place): \(error.problem)"
            } catch { return "\(error)" }
        }
        #expect(problem(#""median":2"#, #""median":"2""#) == "benchmarks[0].metrics.time.median: expected a number")
        #expect(problem(#""unit":"ns/op","#, "") == #"benchmarks[0].metrics.time: missing required field "unit""#)
        #expect(problem(#""date":"2026-12-02T14:00:00Z""#, #""date":null"#) == "date: expected a string, found null")
        #expect(problem(#""format":"memgate-history""#, #""format":"memgate-results""#)
            == #"format: not a memgate history line (expected "format": "memgate-history")"#)
        #expect(problem(#"[{"name""#, #"[7,{"name""#) == "benchmarks[0]: expected an object")
        #expect(problem(#""schema":1"#, #""schema":3"#).hasPrefix("schema: history schema 3 is not supported"))
    }

    /// A custom metric's line records its direction and exactness (change points need them);
    /// a built-in metric's does not (its table says); a line without them reads as nil.
    @Test func customMetricsRecordTheirDeclaration() throws {
        let results = ResultsFile(environment: Environment(), benchmarks: [BenchmarkResult(name: "b", iterations: [1], metrics: [
            "allocs": Metric(unit: .allocationsPerOp, better: .lower, exact: true, samples: [3]),
            "speed": Metric(unit: MetricUnit("items/s"), better: .higher, exact: false, samples: [7]),
        ])])
        let entry = HistoryEntry(results: results, commit: "c", date: "2026-12-02T14:00:00Z", baselineHash: "")
        let line = entry.jsonValue.written(.compact)
        #expect(line.contains(#""speed":{"better":"higher","exact":false,"max":7,"#), "\(line)")
        #expect(line.contains(#""allocs":{"max":3,"median":3,"min":3,"unit":"allocs/op"}"#), "\(line)")
        let read = try History.parse(try History(entries: [entry]).jsonLines(), path: "h").entries[0]
        #expect(read == entry)
        let speed = try #require(read.benchmarks[0].metrics["speed"]).declaration(of: "speed")
        #expect(speed.better == .higher && !speed.exact)
        let allocs = try #require(read.benchmarks[0].metrics["allocs"]).declaration(of: "allocs")
        #expect(allocs.better == .lower && allocs.exact)
        let old = HistoryEntry.MetricSummary(unit: MetricUnit("items/s"), median: 1, min: 1, max: 1).declaration(of: "speed")
        #expect(old.better == .lower && !old.exact)
        let bad = line.replacingOccurrences(of: #""better":"higher""#, with: #""better":"up""#)
        #expect(throws: HistoryEntry.DecodingProblem.self) { try HistoryEntry(json: StrictJSON.parse(Array(bad.utf8))) }
    }
}
