import BenchResults
import BenchStatistics
import Foundation
import GateFormats
import TestSupport

/// Generated results and histories for the history tests: realistic sizes (every built-in
/// metric, ten samples each) from a seeded generator, so each run sees the same files.
enum HistoryFixture {
    /// A results file of `benchmarks` benchmarks (`bench/0`, `bench/1`, ...), each with every
    /// built-in metric of ten samples around `level` (allocation counts exact at `level`).
    static func results(benchmarks: Int, level: Double = 100, random: inout SeededRandom) -> ResultsFile {
        let results = (0..<benchmarks).map { index in
            var metrics: [String: Metric] = [:]
            for id in MetricID.allCases {
                let table = id.properties
                let samples = (0..<10).map { _ in table.exact ? level : level * Double.random(in: 0.9...1.1, using: &random) }
                metrics[id.rawValue] = Metric(
                    unit: table.unit ?? .itemsPerSecond, better: table.better, exact: table.exact, samples: samples)
            }
            return BenchmarkResult(name: "bench/\(index)", iterations: Array(repeating: 1000, count: 10), metrics: metrics)
        }
        return ResultsFile(environment: Fixture.environment, benchmarks: results)
    }

    /// A history of `runs` runs of `benchmarks` benchmarks, one day apart from 2026-01-01, the
    /// allocation level rising by one a run and the baseline changing every 50 runs.
    static func history(runs: Int, benchmarks: Int, seed: UInt64 = 13) -> History {
        var random = SeededRandom(seed: seed)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        return History(entries: (0..<runs).map { run in
            HistoryEntry(
                results: results(benchmarks: benchmarks, level: Double(100 + run), random: &random),
                commit: String(format: "%040x", run + 1),
                date: HistoryEntry.isoDate(start.addingTimeInterval(Double(run) * 86_400)),
                baselineHash: FNV1a.hexDigits(of: Array("baseline \(run / 50)".utf8)))
        })
    }
}
