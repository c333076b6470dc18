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
          +1 allocs/op  +32 B/op  new   C.flush() <- E.write(_:) <- body <- ...  via swift_slowAlloc
          -1 allocs/op  -16 B/op  gone  B.old() <- body
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
        - +1 allocs/op, +32 B/op: new `C.flush() <- E.write(_:) <- body <- ...` (via swift\\_slowAlloc)
        - -1 allocs/op, -16 B/op: gone `B.old() <- body`
        - allocs: unattributed +0.50 allocs/op (sites not kept or not recorded)
        """), "\(out)")
    }

    @Test func githubAndJUnitCarryTheTopSites() {
        var github = "", junit = "", json = ""
        report.writeGitHubAnnotations(to: &github)
        report.writeJUnit(to: &junit)
        report.writeJSON(to: &json)
        #expect(github.contains("threshold +0%0Asites: +2 allocs/op +32 B/op grew D.grow()%0A+1 allocs/op +32 B/op new C.flush()"), "\(github)")
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
}
