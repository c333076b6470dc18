import BenchResults
import BenchStatistics
import Foundation
import GateFormats
import HTMLReport
import Testing
import TestSupport

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
