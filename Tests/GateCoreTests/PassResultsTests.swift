import BenchResults
import Testing
import TestSupport
@testable import GateCore

/// `memgate refs` runs the passes outside its rounds: what a pass run contributes to a pooled
/// side, and how sites recorded after the comparison reach the report.
@Suite struct PassResultsTests {
    private static func profile(_ allocations: Double) -> AllocationSites {
        AllocationSites(
            iterations: 10, allocationsPerOp: allocations, bytesPerOp: 32 * allocations,
            sites: [AllocationSite(key: "0123456789abcdef", allocationsPerOp: allocations, bytesPerOp: 32 * allocations,
                                   frames: ["f()"])],
            unattributedAllocationsPerOp: 0, unattributedBytesPerOp: 0)
    }

    private static func counts(_ retains: Double) -> [String: Metric] {
        [
            "retains": Metric(unit: .retainsPerOp, exact: true, samples: [retains]),
            "releases": Metric(unit: .releasesPerOp, exact: true, samples: [retains]),
            "objects": Metric(unit: .objectsPerOp, exact: true, samples: [0]),
        ]
    }

    @Test func aPassRunContributesItsCountsAndSitesNotItsSamples() {
        var run = Fixture.benchmark("a", Self.counts(3).merging(["time": Fixture.time([100]), "allocs": Fixture.allocs([2])]) { $1 })
        run.allocationSites = Self.profile(2)
        let crashed = Fixture.benchmark("b", [:], status: .crashed, message: "killed by SIGSEGV during the reference-counting pass")
        let kept = PassResults.keepingPasses(of: Fixture.file([run, crashed]))
        #expect(Set(kept["a"]!.metrics.keys) == ["retains", "releases", "objects"])
        #expect(kept["a"]!.iterations.isEmpty && kept["a"]!.allocationSites == Self.profile(2))
        #expect(kept["b"]!.status == .crashed && kept["b"]!.message == crashed.message)
    }

    @Test func aPooledSideKeepsOneCountAndEveryRoundsSamples() throws {
        var pool = ResultsPool()
        try pool.add(PassResults.keepingPasses(of: Fixture.file([Fixture.benchmark("a", Self.counts(3))])))
        for value in [100.0, 102, 101] {
            try pool.add(Fixture.file([Fixture.benchmark("a", ["time": Fixture.time([value]), "allocs": Fixture.allocs([2])])]))
        }
        #expect(pool.file["a"]?[.retains]?.samples == [3])
        #expect(pool.file["a"]?[.time]?.samples == [100, 102, 101])
        #expect(pool.file["a"]?.iterations.count == 3)
    }

    /// Sites recorded after the comparison explain its regressed allocs row; a benchmark that
    /// did not regress needs none.
    @Test func sitesAttachedAfterTheComparisonExplainTheRegression() throws {
        let unchanged = Fixture.benchmark("b", ["allocs": Fixture.allocs([1, 1])])
        let base = Fixture.file([Fixture.benchmark("a", ["allocs": Fixture.allocs([2, 2])]), unchanged])
        let head = Fixture.file([Fixture.benchmark("a", ["allocs": Fixture.allocs([3, 3])]), unchanged])
        let report = try Fixture.compare(base, head)
        #expect(report.benchmarksNeedingSites == ["a"])
        #expect(report.siteExplanations.isEmpty)
        var withBase = Fixture.benchmark("a", [:]), withHead = Fixture.benchmark("a", [:])
        withBase.allocationSites = Self.profile(2)
        withHead.allocationSites = Self.profile(3)
        let pooledBase = PassResults.attachingSites(of: Fixture.file([withBase]), to: base)
        let pooledHead = PassResults.attachingSites(of: Fixture.file([withHead]), to: head)
        #expect(pooledHead["a"]?.allocationSites == Self.profile(3) && pooledHead["b"]?.allocationSites == nil)
        let explained = report.withSites(baseline: pooledBase, current: pooledHead)
        #expect(explained.siteExplanations.map(\.benchmark.name) == ["a"])
        #expect(explained.siteExplanations.first?.rows.map(\.metric) == ["allocs"])
    }
}
