import BenchResults
@testable import GateCore
import Testing

/// A baseline with sites `a` (2/op, 64 B) and `b` (1/op, 16 B); a current where `a` is
/// unchanged, `b` went, `c` is new (1/op, 32 B) and `d` grew from 1 to 3.
enum SiteProfiles {
    static func site(_ key: String, _ count: Double, _ bytes: Double, _ frames: [String], via: String? = nil) -> AllocationSite {
        AllocationSite(key: key, allocationsPerOp: count, bytesPerOp: bytes, frames: frames, via: via)
    }

    static let baseline = AllocationSites(
        iterations: 10, allocationsPerOp: 4, bytesPerOp: 96,
        sites: [site("a", 2, 64, ["A.make()", "body"]), site("b", 1, 16, ["B.old()", "body"]), site("d", 1, 16, ["D.grow()"])])
    static let current = AllocationSites(
        iterations: 10, allocationsPerOp: 6.5, bytesPerOp: 160,
        sites: [site("a", 2, 64, ["A.make()", "body"]), site("c", 1, 32, ["C.flush()", "E.write(_:)", "body", "main"],
            via: "swift_slowAlloc"),
                site("d", 3, 48, ["D.grow()"])],
        unattributedAllocationsPerOp: 0.5, unattributedBytesPerOp: 16)
}

@Suite struct SiteDiffTests {
    private let diff = SiteDiff(baseline: SiteProfiles.baseline, current: SiteProfiles.current)!

    @Test func classifiesAndOrdersEverySite() {
        // By |allocations delta|, then |bytes delta| (c's 32 B beats b's 16 B), unchanged last.
        #expect(diff.changes.map(\.key) == ["d", "c", "b", "a"])
        #expect(diff.changes.map(\.kind) == [.grew, .new, .gone, .unchanged])
        #expect(diff.changes.map(\.allocationsDelta) == [2, 1, -1, 0])
        #expect(diff.grown().map(\.key) == ["d", "c"] && diff.shrunk().map(\.key) == ["b"])
    }

    /// The per-site deltas plus the unattributed delta are the passes' total delta.
    @Test func deltasAddUpToThePassTotals() {
        let sum = diff.changes.reduce(0) { $0 + $1.allocationsDelta } + diff.unattributedAllocationsDelta
        #expect(sum == SiteProfiles.current.allocationsPerOp - SiteProfiles.baseline.allocationsPerOp)
        let bytes = diff.changes.reduce(0) { $0 + $1.bytesDelta } + diff.unattributedBytesDelta
        #expect(bytes == SiteProfiles.current.bytesPerOp - SiteProfiles.baseline.bytesPerOp)
        #expect(diff.unexplained(byMetricChange: 2.5, allocations: true) == 0)
        #expect(diff.unexplained(byMetricChange: 3.5, allocations: true) == 1)
    }

    @Test func linesNameTheChainAndTheLibraryCall() {
        let lines = diff.movedLines()
        #expect(lines.map(\.sentence) == [
            "+2 allocs/op +32 B/op grew D.grow()",
            "+1 allocs/op +32 B/op new C.flush() <- E.write(_:) <- body <- … 1 more frame (via swift_slowAlloc)",
            "-1 allocs/op -16 B/op gone B.old() <- body",
        ])
        #expect(diff.movedLines(limit: 1).count == 2)  // one grown, one shrunk
    }

    @Test func remainderSaysWhatTheSitesDoNotExplain() {
        func row(_ metric: String, _ baseline: Double, _ current: Double) -> MetricComparison {
            MetricComparison(metric: metric, unit: metric == "allocs" ? .allocationsPerOp : .bytesPerOp, better: .lower, exact: true,
                             baseline: baseline, current: current, change: nil, threshold: .absolute(0), verdict: .regression,
                             sampleCounts: (1, 1), unstable: false, note: "")
        }
        #expect(diff.remainder(for: row("allocs", 4, 6.5)) == "unattributed +0.50 allocs/op (sites not kept or not recorded)")
        #expect(diff.remainder(for: row("allocs", 4, 7.5))
            == "unattributed +0.50 allocs/op (sites not kept or not recorded); the samples moved 1 allocs/op more than the profile passes")
        #expect(diff.remainder(for: row("allocs", 4, 5.5))
            == "unattributed +0.50 allocs/op (sites not kept or not recorded); the samples moved 1 allocs/op less than the profile passes")
        #expect(diff.remainder(for: row("time", 1, 2)) == nil)
        let onlyCurrent = SiteDiff(baseline: nil, current: SiteProfiles.current)!
        #expect(onlyCurrent.remainder(for: row("bytes", 96, 160))?.contains("the baseline results have no allocation sites") == true)
    }

    /// A side without any profile is nothing to compare with: the other side's sites are
    /// shown as what that side has, not as new or gone.
    @Test func aSideWithoutAProfileComparesNothing() {
        let onlyCurrent = SiteDiff(baseline: nil, current: SiteProfiles.current)!
        #expect(Set(onlyCurrent.changes.map(\.kind)) == [.currentOnly])
        #expect(onlyCurrent.movedLines(limit: 2).map(\.kind) == ["current only", "current only"])
        #expect(onlyCurrent.movedLines(limit: 2).allSatisfy { $0.isGrowth })
        let onlyBaseline = SiteDiff(baseline: SiteProfiles.baseline, current: nil)!
        #expect(onlyBaseline.shrunk().map(\.key) == ["a", "b", "d"] && onlyBaseline.grown().isEmpty)
    }

    /// A site missing from a side that cut sites into its unattributed part, enough to hold
    /// it, may only have been cut: it says so.
    @Test func aSiteTheOtherSideMayHaveCutIsNotCalledNew() {
        var baseline = SiteProfiles.baseline
        baseline.unattributedAllocationsPerOp = 1
        let diff = SiteDiff(baseline: baseline, current: SiteProfiles.current)!
        #expect(diff.changes.first { $0.key == "c" }?.kind == .newOrNotKept)
        #expect(diff.grown().map(\.key) == ["d", "c"])
        baseline.unattributedAllocationsPerOp = 0.5  // less than c's 1 per op: c is new
        #expect(SiteDiff(baseline: baseline, current: SiteProfiles.current)!.changes.first { $0.key == "c" }?.kind == .new)
    }

    /// A B/op regression orders and classifies sites by bytes: the site that added 1,000 B
    /// with no allocation more comes first, and one that allocates less but more bytes grew.
    @Test func aBytesRegressionOrdersByBytes() {
        func site(_ key: String, _ count: Double, _ bytes: Double, _ frames: [String]) -> AllocationSite {
            SiteProfiles.site(key, count, bytes, frames)
        }
        let before = AllocationSites(iterations: 1, allocationsPerOp: 5, bytesPerOp: 64,
                                     sites: [site("x", 1, 8, ["X()"]), site("y", 1, 8, ["Y()"]), site("z", 3, 48, ["Z()"])])
        let after = AllocationSites(iterations: 1, allocationsPerOp: 5, bytesPerOp: 1_172,
                                    sites: [site("x", 2, 16, ["X()"]), site("y", 1, 1_008, ["Y()"]), site("z", 2, 148, ["Z()"])])
        let diff = SiteDiff(baseline: before, current: after)!
        #expect(diff.grown().map(\.key) == ["x", "y"] && diff.shrunk().map(\.key) == ["z"])  // y: same allocs, more bytes
        #expect(diff.grown(by: .bytes).map(\.key) == ["y", "z", "x"])
        #expect(diff.movedLines(by: .bytes).map(\.kind) == ["grew", "grew", "grew"])
        func row(_ metric: String) -> MetricComparison {
            MetricComparison(metric: metric, unit: .bytesPerOp, better: .lower, exact: true, baseline: 1, current: 2, change: nil,
                             threshold: .absolute(0), verdict: .regression, sampleCounts: (1, 1), unstable: false, note: "")
        }
        #expect(SiteDiff.measure(for: [row("bytes")]) == .bytes)
        #expect(SiteDiff.measure(for: [row("allocs"), row("bytes")]) == .allocations)
    }

    /// Floating-point rounding in per-op values is no change: no "unattributed +0".
    @Test func roundingIsNoChange() {
        var baseline = SiteProfiles.baseline, current = SiteProfiles.baseline
        baseline.unattributedAllocationsPerOp = 0.3
        current.unattributedAllocationsPerOp = 0.1 + 0.2  // 0.30000000000000004
        current.allocationsPerOp = 4 * (0.1 + 0.2) / 0.3  // 4.000000000000001
        #expect(current.allocationsPerOp != 4)
        // A site whose counts differ by rounding only is unchanged, in allocations and bytes.
        current.sites[0].allocationsPerOp = 2 * (0.1 + 0.2) / 0.3
        current.sites[0].bytesPerOp = 64 * (0.1 + 0.2) / 0.3
        #expect(current.sites[0].allocationsPerOp != 2 && current.sites[0].bytesPerOp != 64)
        let diff = SiteDiff(baseline: baseline, current: current)!
        #expect(diff.changes.first { $0.key == "a" }?.kind == .unchanged)
        let row = MetricComparison(metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true, baseline: 4, current: 4,
                                   change: nil, threshold: .absolute(0), verdict: .regression, sampleCounts: (1, 1), unstable: false,
                                   note: "")
        #expect(diff.unattributedAllocationsDelta != 0)
        #expect(diff.remainder(for: row) == nil)
    }

    @Test func noDiffWithoutSitesOnEitherSide() {
        #expect(SiteDiff(baseline: nil, current: nil) == nil)
    }

    @Test func foldedStacksAreRootFirstWithWholeCounts() {
        let lines = FoldedStacks.lines([("json;encode", SiteProfiles.current)])
        #expect(lines == [
            "json:encode;body;A.make() 20",
            "json:encode;main;body;E.write(_:);C.flush();via swift_slowAlloc 10",
            "json:encode;D.grow() 30",
        ])
    }

    @Test func flameGraphDrawsEveryFrameWithItsMovement() throws {
        let graph = FlameGraph(current: [("bench", SiteProfiles.current)], baseline: [("bench", SiteProfiles.baseline)])
        // all, bench, body, A.make(), main, body, E.write, C.flush, via, D.grow; B.old has no width now.
        #expect(graph.root.visibleCount == 10)
        #expect(graph.root.current == 6 && graph.root.baseline == 4)
        let svg = graph.svg(title: "t <&>")
        #expect(svg.components(separatedBy: "<g class=\"frame\">").count - 1 == 10)
        #expect(svg.contains("<title>t &lt;&amp;&gt;</title>"))
        #expect(svg.contains("<title>D.grow(): 3 allocs/op (baseline 1 allocs/op)</title>"))
        #expect(svg.contains("▲ D.grow()"))
        #expect(FlameGraph.colour(FlameGraph.Node(name: "x", current: 1, baseline: 1)) == "rgb(245,170,90)")
        #expect(FlameGraph.colour(FlameGraph.Node(name: "x", current: 2, baseline: 0)) == "rgb(235,90,90)")
        #expect(FlameGraph.colour(FlameGraph.Node(name: "x", current: 1, baseline: 2)) == "rgb(145,145,240)")
    }

    /// The largest profile validation lets through renders without trapping.
    @Test func theLargestValidProfileRenders() throws {
        let frames = (0..<AllocationSites.maxFrames).map { "frame\($0)" }
        let sites = (0..<AllocationSites.maxSites).map {
            AllocationSite(key: "k\($0)", allocationsPerOp: AllocationSites.maxPerOp, bytesPerOp: AllocationSites.maxPerOp, frames: frames)
        }
        let profile = AllocationSites(iterations: AllocationSites.maxIterations, allocationsPerOp: AllocationSites.maxPerOp,
                                      bytesPerOp: AllocationSites.maxPerOp, sites: sites)
        try ResultsFile(benchmarks: [BenchmarkResult(
            name: "b", iterations: [1], metrics: ["allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [1])],
            allocationSites: profile)]).validate()
        let lines = FoldedStacks.lines([("b", profile)])
        #expect(lines.count == AllocationSites.maxSites)
        #expect(lines[0].hasSuffix(" 9000000000000000000"))
        let svg = FlameGraph(current: [("b", profile)], baseline: [("b", profile)]).svg(title: "largest")
        #expect(svg.hasSuffix("</svg>\n"))
    }

    /// Issue 21, item 9: a frame or benchmark name with ESC or BEL reaches folded output as
    /// visible escapes, never as raw control characters a terminal would obey.
    @Test func foldedLinesCarryNoRawControlCharacters() {
        let site = AllocationSite(key: "k", allocationsPerOp: 1, bytesPerOp: 8, frames: ["leaf\u{07}", "root\u{1B}[2J"], via: "m\u{9B}")
        let profile = AllocationSites(iterations: 10, allocationsPerOp: 1, bytesPerOp: 8, sites: [site])
        let lines = FoldedStacks.lines([("bench\u{1B}]0;x\u{07}", profile)])
        #expect(lines == [#"bench\u{1B}]0:x\u{7};root\u{1B}[2J;leaf\u{7};via m\u{9B} 10"#])
    }
}
