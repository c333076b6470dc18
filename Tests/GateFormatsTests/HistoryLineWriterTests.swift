import BenchResults
import Foundation
import GateFormats
import Testing

/// New history lines are written by `JSONWriter` (`HistoryEntry.jsonValue`, `.compact`): the
/// same bytes `JSONEncoder` with `.sortedKeys` wrote before, so files do not churn.
@Suite struct HistoryLineWriterTests {
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
}
