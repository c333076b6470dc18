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
/// Change points in the trend series and their marks in the chart.
@Suite struct TrendChangeMarkTests {
    /// 20 runs of `allocs` (exact, stable) stepping from 3 to 4 at run 9 and to 5 at run 15,
    /// and of `time` (noisy) unchanged.
    static func history() -> History {
        History(entries: (1...20).map { run in
            let allocs = run < 9 ? 3.0 : run < 15 ? 4 : 5, time = 1000 + Double((run * 37) % 20)
            return HistoryEntry(commit: String(format: "%02dabcdef", run), date: "2026-12-01T00:00:00Z", baselineHash: "b", benchmarks: [
                HistoryEntry.Benchmark(name: "a", metrics: [
                    "allocs": .init(unit: .allocationsPerOp, median: allocs, min: allocs, max: allocs),
                    "time": .init(unit: .nanosecondsPerOp, median: time, min: time - 5, max: time + 5),
                ]),
            ])
        })
    }

    @Test func shiftsBecomeMarksWithTheirSizeAndRange() throws {
        let trends = try #require(TrendSeries.trends(from: Self.history(), benchmarks: ["a"])["a"])
        let allocs = try #require(trends.first { $0.metric == "allocs" })
        // Two steps up: one gradual shift from run 8 (index 7) to run 15 (index 14), +66.7%.
        #expect(allocs.changes == [TrendSeries.Change(from: 7, to: 14, label: "+66.7% 08abcde..15abcde", worse: true)])
        #expect(trends.first { $0.metric == "time" }?.changes == [])
        let svg = TrendChart(series: allocs).svg()
        #expect(svg.contains("class=\"cb cw\"") && svg.contains("class=\"cp cw\""))
        #expect(svg.contains(">+66.7% 08abcde..15abcde</text>"))
        #expect(svg.contains("change points: +66.7% 08abcde..15abcde (worse)."))
        let flat = TrendChart(series: trends.first { $0.metric == "time" }!).svg()
        #expect(!flat.contains("class=\"cp") && flat.contains("no change points."))
    }

    /// A label that would run past the plot's right edge ends at its marker instead; a fourth
    /// overlapping label is left out, its marker kept.
    @Test func labelsStayInsideThePlot() {
        let points = (0..<10).map { TrendSeries.Point(label: "c\($0)", date: "d", value: Double($0), low: 0, high: 10) }
        let changes = [6, 7, 8, 9].map { TrendSeries.Change(from: $0 - 1, to: $0, label: "+10.0% c\($0 - 1)..c\($0)", worse: false) }
        let svg = TrendChart(series: TrendSeries(metric: "m", unit: .nanosecondsPerOp, points: points, changes: changes)).svg()
        #expect(svg.components(separatedBy: "class=\"cp cg\"").count == 5)
        #expect(svg.components(separatedBy: "class=\"ct cg\"").count == 4)  // three rows of labels
        #expect(svg.contains("text-anchor=\"end\" class=\"ct cg\""))
    }
}
