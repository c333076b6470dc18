import BenchResults
import BenchStatistics
import Foundation
import GateFormats
@testable import HTMLReport
import Testing

/// A history's runs as the HTML report's trend series, and a 200-run history rendered in the
/// report of `memgate check --history`.
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

/// The browser half: a 200-run history drawn in `memgate check`'s HTML report.
@Suite(.serialized, .enabled(if: HeadlessBrowser.testsRun, HeadlessBrowser.skipReason))
struct HistoryTrendBrowserTests {
    @Test func aTwoHundredRunHistoryRendersItsTrendCharts() throws {
        _ = try HeadlessBrowser.requireExecutable()
        let directory = try TemporaryDirectory()
        var random = SeededRandom(seed: 7)
        var results = HistoryFixture.results(benchmarks: 3, random: &random)
        for index in results.benchmarks.indices {  // each metric in its own unit, as a check needs
            for (name, metric) in results.benchmarks[index].metrics {
                results.benchmarks[index].metrics[name]?.unit = MetricID(rawValue: name)?.properties.unit ?? metric.unit
            }
        }
        try directory.write("baseline.json", results)
        try directory.write("current.json", results)
        let history = HistoryFixture.history(runs: 200, benchmarks: 3)
        _ = try directory.write("history.jsonl", String(decoding: try history.jsonLines(), as: UTF8.self))
        let check = try MemGateProcess.run(["check", "baseline.json", "current.json", "--output", "html:trend.html",
                                            "--history", "history.jsonl"], in: directory.url)
        #expect(check.code == 0, "\(check.stderr) \(check.stdout)")
        let dom = try HeadlessBrowser.dumpDOM(directory.file("trend.html"))
        // Three benchmarks, each with the five charted metrics the fixture records.
        let trends = DOMText.matches(#"<svg[^>]*class="c trend"[^>]*>"#, in: dom)
        #expect(trends.count == 3 * TrendSeries.chartedMetrics.count, "\(trends.count) trend charts")
        // The baseline changes every 50 runs: runs 51, 101 and 151 are marked in every chart.
        #expect(DOMText.matches(#"class="bu""#, in: dom).count == 3 * 3 * TrendSeries.chartedMetrics.count)
        #expect(dom.contains("median over 200 commits"))
        // Without an HTML output, --history is a usage error; a bad history file is an input error.
        let alone = try MemGateProcess.run(["check", "baseline.json", "current.json", "--history", "history.jsonl"], in: directory.url)
        #expect(alone.code == 2 && alone.stderr.contains("--history draws trends in the HTML report"), "\(alone.stderr)")
        _ = try directory.write("torn.jsonl", "{\"format\": \"memgate-history\"")
        let torn = try MemGateProcess.run(["check", "baseline.json", "current.json", "--output", "html:t.html", "--history", "torn.jsonl"],
                                          in: directory.url)
        #expect(torn.code == 2 && torn.stderr.contains("torn.jsonl"), "\(torn.stderr)")
    }
}
