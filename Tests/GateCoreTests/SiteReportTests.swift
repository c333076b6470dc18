import BenchResults
@testable import GateCore
import Testing

/// The site sections every report format adds under a regressed allocs row (golden text).
@Suite struct SiteReportTests {
    private var report: Report {
        let row = MetricComparison(
            metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true, baseline: 4, current: 6.5, change: 0.625,
            threshold: .absolute(0), verdict: .regression, sampleCounts: (3, 3))
        let benchmark = BenchmarkComparison(
            name: "json/encode", presence: .compared, metrics: [row],
            sites: SiteDiff(baseline: SiteProfiles.baseline, current: SiteProfiles.current))
        return Report(baselineName: "base.json", currentName: "new.json", mode: .check, noisyGated: true, noisyNotGatedReason: nil,
                      debugBuilds: [], alpha: 0.01, familySize: 0, benchmarks: [benchmark])
    }

    @Test func text() {
        var out = ""
        report.writeText(to: &out)
        #expect(out.contains("""
        Where json/encode allocates differently (allocs +2.50 allocs/op; per op):
          +2 allocs/op  +32 B/op  grew  D.grow()
          +1 allocs/op  +32 B/op  new   C.flush()  via swift_slowAlloc
              <- E.write(_:) <- body <- main
          -1 allocs/op  -16 B/op  gone  B.old()
              <- body
          (allocs: unattributed +0.50 allocs/op (sites not kept or not recorded))

        FAIL: 1 regression (1 benchmark)
        """), "\(out)")
    }

    @Test func markdown() {
        var out = ""
        report.writeMarkdown(to: &out)
        #expect(out.contains("""
        **Where json/encode allocates differently** (allocs +2.50 allocs/op; per op)

        - +2 allocs/op, +32 B/op: grew `D.grow()`
        - +1 allocs/op, +32 B/op: new `C.flush() <- E.write(_:) <- body <- … 1 more frame` (via swift\\_slowAlloc)
        - -1 allocs/op, -16 B/op: gone `B.old() <- body`
        - allocs: unattributed +0.50 allocs/op (sites not kept or not recorded)
        """), "\(out)")
    }

    @Test func githubAndJUnitCarryTheTopSites() {
        var github = "", junit = "", json = ""
        report.writeGitHubAnnotations(to: &github)
        report.writeJUnit(to: &junit)
        report.writeJSON(to: &json)
        #expect(github.contains("threshold +0%0Asites: +2 allocs/op +32 B/op grew D.grow()%0A+1 allocs/op +32 B/op new C.flush()"),
            "\(github)")
        #expect(junit.contains("&#10;site: +1 allocs/op +32 B/op new C.flush() &lt;- E.write(_:)"), "\(junit)")
        #expect(json.contains(#""sites": {"baselineTotal": {"allocationsPerOp": 4, "bytesPerOp": 96}"#), "\(json)")
        #expect(json.contains(#"{"key": "c", "kind": "new", "frames": ["C.flush()", "E.write(_:)", "body", "main"], "via": "swift_slowAlloc", "#
            + #""baseline": {"allocationsPerOp": 0, "bytesPerOp": 0}, "current": {"allocationsPerOp": 1, "bytesPerOp": 32}}"#), "\(json)")
    }

    @Test func noSectionWithoutARegressedAllocationRow() {
        var passing = report
        passing.benchmarks[0].metrics[0].verdict = .pass
        var out = ""
        passing.writeText(to: &out)
        #expect(!out.contains("Where"))
    }

    /// A regressed retains row is explained by the retain sites, in every format, in
    /// retains per op and without bytes.
    @Test func retainSitesExplainARetainsRegression() {
        let site = { (key: String, count: Double) in
            AllocationSite(key: key, allocationsPerOp: count, bytesPerOp: 0, frames: ["Copier.copy()", "body"], via: "swift_retain")
        }
        let before = AllocationSites(iterations: 10, allocationsPerOp: 3, bytesPerOp: 0, sites: [site("r", 3)])
        let after = AllocationSites(iterations: 10, allocationsPerOp: 6, bytesPerOp: 0, sites: [site("r", 6)])
        let row = MetricComparison(
            metric: "retains", unit: .retainsPerOp, better: .lower, exact: true, baseline: 3, current: 6, change: 1,
            threshold: .absolute(0), verdict: .regression, sampleCounts: (1, 1))
        let benchmark = BenchmarkComparison(
            name: "arc/copies", presence: .compared, metrics: [row],
            retainSites: SiteDiff(baseline: before, current: after, event: .retains))
        let report = Report(baselineName: "base.json", currentName: "new.json", mode: .check, noisyGated: true,
                            noisyNotGatedReason: nil, debugBuilds: [], alpha: 0.01, familySize: 0, benchmarks: [benchmark])
        var text = "", markdown = "", github = "", json = ""
        report.writeText(to: &text)
        report.writeMarkdown(to: &markdown)
        report.writeGitHubAnnotations(to: &github)
        report.writeJSON(to: &json)
        #expect(text.contains("""
        Where arc/copies retains differently (retains +3 retains/op; per op):
          +3 retains/op  grew  Copier.copy()  via swift_retain
              <- body
        """), "\(text)")
        #expect(markdown.contains("- +3 retains/op: grew `Copier.copy() <- body` (via swift\\_retain)"), "\(markdown)")
        #expect(github.contains("sites: +3 retains/op grew Copier.copy() <- body (via swift_retain)"), "\(github)")
        #expect(json.contains(#""retainSites": {"baselineTotal": {"allocationsPerOp": 3, "bytesPerOp": 0}"#), "\(json)")
        // An allocs row does not pull in the retain sites.
        #expect(benchmark.regressedAllocationRows.isEmpty)
    }
}
