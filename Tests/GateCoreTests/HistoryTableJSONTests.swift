import Foundation
import GateFormats
import Testing
@testable import GateCore

/// `memgate history show --format json` is written by `JSONWriter` (`.pretty`): the same
/// bytes the Codable document with `JSONEncoder` wrote before.
@Suite struct HistoryTableJSONTests {
    /// The document as it was encoded before (`HistoryTable+JSON`'s former `Document`).
    struct Document: Encodable {
        struct Benchmark: Encodable {
            var name: String
            var metrics: [String: [HistoryPoint]]
        }

        var format = "memgate-history-series"
        var runs: Int
        var benchmarks: [Benchmark]
    }

    @Test func theSeriesDocumentIsTheBytesJSONEncoderWrote() throws {
        let history = HistoryTableTests.history
        for table in [HistoryTable(history: history, benchmarks: ["enc"], metrics: nil),
                      HistoryTable(history: history, benchmarks: ["enc"], metrics: ["p50", "absent"]),
                      HistoryTable(history: history, benchmarks: [], metrics: nil)] {
            let document = Document(runs: table.runCount, benchmarks: table.sections.map { section in
                Document.Benchmark(name: section.benchmark, metrics: Dictionary(uniqueKeysWithValues: section.metrics.map { metric in
                    (metric, history.series(benchmark: section.benchmark, metric: metric))
                }))
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
            #expect(table.json(history: history) == expected)
        }
    }
}
