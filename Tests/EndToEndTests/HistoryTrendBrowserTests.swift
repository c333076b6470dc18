import BenchResults
import BenchStatistics
import Foundation
import GateFormats
import HTMLReport
import Testing
import TestSupport

/// The browser half: a 200-run history drawn in `memgate check`'s HTML report, and the change
/// points of issue 26's creep marked in it (none in the unchanged history).
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

    @Test func theCreepIsMarkedAndTheUnchangedHistoryIsNot() throws {
        _ = try HeadlessBrowser.requireExecutable()
        let directory = try TemporaryDirectory()
        var random = SeededRandom(seed: 7)
        let results = HistoryFixture.results(benchmarks: 2, random: &random)
        try directory.write("baseline.json", results)
        try directory.write("current.json", results)
        try CreepHistoryFixture.write(CreepHistoryFixture.history(creep: true), to: directory.file("creep.jsonl"))
        try CreepHistoryFixture.write(CreepHistoryFixture.history(creep: false), to: directory.file("flat.jsonl"))
        let json = try MemGateProcess.run(["history", "check", "creep.jsonl", "--format", "json"], in: directory.url)
        let finding = try #require(((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"]
            as? [[String: Any]])?.first)
        let range = "\((finding["fromCommit"] as? String ?? "").prefix(7))..\((finding["toCommit"] as? String ?? "").prefix(7))"
        for name in ["creep", "flat"] {
            let check = try MemGateProcess.run(["check", "baseline.json", "current.json", "--output", "html:\(name).html",
                                                "--history", "\(name).jsonl"], in: directory.url)
            #expect(check.code == 0, "\(check.stderr) \(check.stdout)")
        }
        let creep = try HeadlessBrowser.dumpDOM(directory.file("creep.html"))
        #expect(DOMText.matches(#"<svg[^>]*class="c trend"[^>]*>"#, in: creep).count == 4)  // time and allocs of 2 benchmarks
        // One worse shift, bench/0's time: its band, its marker and its label with the size and range `history check` names.
        #expect(DOMText.matches(#"class="cp cw""#, in: creep).count == 1)
        #expect(DOMText.matches(#"class="cb cw""#, in: creep).count == 1)
        #expect(DOMText.matches(#"<text[^>]*class="ct cw"[^>]*>\+2\d\.\d% "# + range + "</text>", in: creep).count == 1, "\(range)")
        #expect(creep.contains("change points: +2") && creep.contains("(worse)."))
        let flat = try HeadlessBrowser.dumpDOM(directory.file("flat.html"))
        #expect(DOMText.matches(#"<svg[^>]*class="c trend"[^>]*>"#, in: flat).count == 4)
        #expect(DOMText.matches(#"class="c[pbt] c[wg]""#, in: flat).isEmpty)
        #expect(DOMText.matches("no change points", in: flat).count == 4)
    }
}
