import BenchResults
import GateFormats
@testable import HTMLReport
import Testing

/// A history's runs as the HTML report's trend series (a 200-run history rendered in the report
/// of `memgate check --history`: HistoryTrendBrowserTests, end to end).
@Suite struct HistoryTrendTests {
    private func entry(_ commit: String, baseline: String, _ benchmarks: [String: Double]) -> HistoryEntry {
        let summaries = benchmarks.keys.sorted().map { name in
            let value = benchmarks[name]!
            return HistoryEntry.Benchmark(
                name: name, metrics: ["allocs": .init(unit: .allocationsPerOp, median: value, min: value, max: value + 1)])
        }
        return HistoryEntry(commit: commit, date: "2026-12-0\(benchmarks.count)T00:00:00Z", baselineHash: baseline, benchmarks: summaries)
    }

    @Test func seriesFollowTheRunsAndMarkBaselineUpdates() {
        let history = History(entries: [
            entry("0123456789abcdef", baseline: "b1", ["a": 1, "b": 5]),
            entry("", baseline: "b1", ["b": 6]),            // no commit: labelled by its line; a absent
            entry("fedcba9876543210", baseline: "b2", ["a": 2, "b": 7]),
        ])
        let trends = TrendSeries.trends(from: history, benchmarks: ["a", "b", "missing"])
        #expect(Set(trends.keys) == ["a", "b"])
        let a = trends["a"]!, b = trends["b"]!
        #expect(a.map(\.metric) == ["allocs"] && a[0].unit == .allocationsPerOp)
        #expect(a[0].points.map(\.label) == ["0123456", "fedcba9"])
        #expect(a[0].points.map(\.value) == [1, 2] && a[0].points.map(\.high) == [2, 3])
        #expect(a[0].points.map(\.baselineUpdate) == [false, true])
        #expect(b[0].points.map(\.label) == ["0123456", "#2", "fedcba9"])
        #expect(b[0].points.map(\.baselineUpdate) == [false, false, true])
        // The same marks as the history's own series.
        #expect(history.series(benchmark: "b", metric: "allocs").map(\.baselineUpdate) == b[0].points.map(\.baselineUpdate))
        #expect(TrendSeries.trends(from: history, benchmarks: ["a"], metrics: ["time"]).isEmpty)
    }
}