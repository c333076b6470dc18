import BenchResults
import Foundation
import GateFormats

extension HistoryTable {
    /// The `--format json` document: per section, each shown metric's series
    /// (`History.series(benchmark:metric:)`), pretty-printed with sorted keys:
    ///
    ///     {"format": "memgate-history-series", "runs": 200,
    ///      "benchmarks": [{"name": "json/encode",
    ///                      "metrics": {"allocs": [{"commit": "…", "date": "…", "median": 3, "min": 3, "max": 3,
    ///                                              "unit": "allocs/op", "baselineUpdate": false}, …]}}]}
    package func json(history: History) -> String {
        let document = Document(runs: runCount, benchmarks: sections.map { section in
            Document.Benchmark(name: section.benchmark, metrics: Dictionary(uniqueKeysWithValues: section.metrics.map { metric in
                (metric, history.series(benchmark: section.benchmark, metric: metric))
            }))
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value is a validated finite number or a string: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        struct Benchmark: Encodable {
            var name: String
            var metrics: [String: [HistoryPoint]]
        }

        var format = "memgate-history-series"
        var runs: Int
        var benchmarks: [Benchmark]
    }
}
