import BenchResults
import GateCore
import HTMLReport
import Testing
import TestSupport

/// The HTML page as a whole, without a browser: well-formed, every name escaped and shown as
/// text, one section per benchmark with failing ones first, the text report's verdict line,
/// environments with differences marked, trends where given.
@Suite struct HTMLReportPageTests {
    static func page(trends: [String: [TrendSeries]] = [:]) throws -> (page: HTMLReportPage, parsed: ParsedMarkup) {
        let (baseline, current) = HostileNamesFixture.files()
        let report = try Comparison.compare(baseline: baseline, current: current, baselineName: "<base>.json",
                                            currentName: "cur\"rent\".json", options: ComparisonOptions())
        let page = HTMLReportPage(report: report, baseline: baseline, current: current,
                                  exitCode: report.exitCode(policy: .report), command: "memgate check", trends: trends)
        return (page, ParsedMarkup(page.html))
    }

    @Test func hostileNamesStayTextInAWellFormedPage() throws {
        let (page, parsed) = try Self.page()
        #expect(parsed.error == nil, "\(parsed.error ?? "")")
        #expect(parsed.elements("script").isEmpty)
        #expect(parsed.elements("img").isEmpty)
        #expect(parsed.elements("i").isEmpty)  // the metric named <i onclick=...> is text, not an element
        let handlers = parsed.elements.flatMap { $0.attributes.keys.filter { $0.lowercased().hasPrefix("on") } }
        #expect(handlers.isEmpty, "event-handler attributes: \(handlers)")
        let shown = parsed.elements("span", class: "name").map(\.text)
        #expect(Set(shown) == Set(HostileNamesFixture.names))
        #expect(shown.count == HostileNamesFixture.names.count)
        // Names sit in <bdi>, so the U+202E inside one cannot reverse what follows it.
        let isolated = parsed.elements("bdi").map(\.text)
        #expect(isolated.contains(HostileNamesFixture.names[4]))
        #expect(parsed.elements("td").map(\.text).contains(HostileNamesFixture.metricName))
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.html.contains("<script"))
    }

    @Test func oneSectionPerBenchmarkFailingFirstUnderTheTextVerdictLine() throws {
        let (page, parsed) = try Self.page()
        let sections = parsed.elements("section", class: "bench")
        #expect(sections.count == page.report.benchmarks.count)
        #expect(sections.first?.attributes["class"] == "bench regression")
        #expect(parsed.elements("span", class: "name").first?.text == HostileNamesFixture.names[0])
        #expect(sections.dropFirst().allSatisfy { $0.attributes["class"] == "bench pass" })
        let verdict = parsed.elements("p", class: "verdict")
        #expect(verdict.map(\.text) == [page.report.summaryLine])
        #expect(verdict.first?.attributes["class"] == "verdict fail")
        #expect(parsed.elements("p").contains { $0.attributes["id"] == "exit-code" && $0.text.hasPrefix("memgate check exits 1") })
        let findings = parsed.elements("ul").first { $0.attributes["id"] == "findings" }?.text ?? ""
        #expect(findings.contains(HostileNamesFixture.names[0]) && findings.contains("allocs REGRESSED +33.3% (threshold +0)"))
        // The regressed benchmark's new site is in its table and its flame graph.
        #expect(parsed.elements("table", class: "sites").first?.text.contains("Cache<\(HostileNamesFixture.names[0])>") == true)
        #expect(parsed.elements("g", class: "frame").count > 0)
    }

    @Test func environmentsMarkTheFieldsThatDiffer() throws {
        let (_, parsed) = try Self.page()
        let differing = parsed.elements("tr", class: "differs").map(\.text)
        #expect(differing == ["cpuModelCPU <b>\"A\"</b>CPU <b>\"B\"</b>differs (fingerprint)"])
        #expect(parsed.elements("b").isEmpty)
    }

    @Test func sortingPutsFailedAndRegressedBenchmarksFirst() {
        let ok = BenchmarkComparison(name: "a", presence: .compared)
        let failed = BenchmarkComparison(name: "b", presence: .failed, status: .crashed)
        let regressed = BenchmarkComparison(name: "c", presence: .compared, metrics: [
            MetricComparison(metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true, baseline: 1, current: 2,
                             threshold: .absolute(0), verdict: .regression),
        ])
        let report = Report(baselineName: "a", currentName: "b", mode: .check, noisyGated: true, noisyNotGatedReason: nil,
                            debugBuilds: [], alpha: 0.01, familySize: 0, benchmarks: [ok, failed, regressed])
        let page = HTMLReportPage(report: report, baseline: ResultsFile(), current: ResultsFile(), exitCode: .regression,
                                  command: "memgate check")
        #expect(page.orderedBenchmarks.map(\.name) == ["b", "c", "a"])
    }

    @Test func trendsAreDrawnInTheirBenchmarksSection() throws {
        let name = HostileNamesFixture.names[2]
        let points = (0..<5).map { TrendSeries.Point(label: "c\($0)", date: "2026-12-0\($0 + 1)", value: 10, low: 9, high: 11,
                                                     baselineUpdate: $0 == 3) }
        let (_, parsed) = try Self.page(trends: [name: [TrendSeries(metric: "allocs", unit: .allocationsPerOp, points: points)]])
        #expect(parsed.error == nil, "\(parsed.error ?? "")")
        let trends = parsed.elements("svg", class: "trend")
        #expect(trends.count == 1)
        #expect(trends.first?.text.contains("allocs median over 5 commits") == true)
        #expect(parsed.elements("line", class: "bu").count == 1)
    }
}
