import BenchResults
import Foundation
import Testing

/// The allocation-site pass on fixtures with known call sites (Tests/FixtureBenchmarks/
/// SiteFixtures.swift): `Sites.f()` makes 2 allocations of 32 bytes per call, `Sites.g()` one
/// Swift object of 16 bytes. Each is reported as its own site, first frame the function itself,
/// with exactly its count per op, in debug and in release, on the main thread, on a worker
/// thread and in a child task.
@Suite struct AllocationSiteTests {
    private let f = "Sites.f()", g = "Sites.g()"

    private func sitesRun(executable: URL? = nil) throws -> ResultsFile {
        let run = try FixtureRun.run(["--filter", "^sites/", "--samples", "3", "--sample-time", "2ms"], executable: executable)
        #expect(run.exitStatus == 0, "\(run.standardError)")
        return try #require(run.results)
    }

    private func site(_ profile: AllocationSites?, first frame: String) -> AllocationSite? {
        profile?.sites.first { $0.frames.first == frame }
    }

    private func expectKnownSites(_ file: ResultsFile, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let main = try #require(file["sites/f-and-g"]?.allocationSites, sourceLocation: sourceLocation)
        // Exactly the two sites, largest first, adding up to the pass's totals.
        #expect(main.sites.map { $0.frames.first } == [f, g], "\(main.sites)", sourceLocation: sourceLocation)
        #expect(main.sites.map(\.allocationsPerOp) == [2, 1], sourceLocation: sourceLocation)
        #expect(main.sites.map(\.bytesPerOp) == [64, 16], sourceLocation: sourceLocation)
        #expect(main.allocationsPerOp == 3 && main.bytesPerOp == 80, sourceLocation: sourceLocation)
        #expect(main.unattributedAllocationsPerOp == 0 && main.unattributedBytesPerOp == 0, sourceLocation: sourceLocation)
        #expect(main.iterations == 10, sourceLocation: sourceLocation)
        // The frame under f() is the benchmark's body; the harness below it is folded away.
        #expect(main.sites[0].frames == [f, "closure #1 in FixtureBenchmarks.registerSites(_:)"], sourceLocation: sourceLocation)
        // The same allocations measured in the samples.
        #expect(file["sites/f-and-g"]?[.allocs]?.samples.allSatisfy { $0 == 3 } == true, sourceLocation: sourceLocation)

        for benchmark in ["sites/thread", "sites/task"] {
            let profile = try #require(file[benchmark]?.allocationSites, sourceLocation: sourceLocation)
            let fSite = try #require(site(profile, first: f), "\(benchmark): \(profile.sites)", sourceLocation: sourceLocation)
            #expect(fSite.allocationsPerOp == 2 && fSite.bytesPerOp == 64, "\(benchmark)", sourceLocation: sourceLocation)
            let gSite = try #require(site(profile, first: g), "\(benchmark): \(profile.sites)", sourceLocation: sourceLocation)
            #expect(gSite.allocationsPerOp == 1 && gSite.bytesPerOp == 16, "\(benchmark)", sourceLocation: sourceLocation)
            let sum = profile.sites.reduce(0) { $0 + $1.allocationsPerOp } + profile.unattributedAllocationsPerOp
            #expect(sum == profile.allocationsPerOp, "\(benchmark)", sourceLocation: sourceLocation)
        }
        #expect(file["sites/off"]?.allocationSites == nil, "recordsSites: false", sourceLocation: sourceLocation)
        #expect(file["sites/off"]?[.allocs]?.samples.allSatisfy { $0 == 2 } == true, sourceLocation: sourceLocation)
    }

    @Test func debugBuildNamesEachSiteWithItsCountPerOp() throws {
        try expectKnownSites(try sitesRun())
    }

    @Test(.enabled(if: ReleaseFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    func releaseBuildNamesTheSameSites() throws {
        let file = try sitesRun(executable: try ReleaseFixture.build())
        #expect(file.environment.buildConfiguration == "release")
        try expectKnownSites(file)
    }

    /// `--no-sites` skips the pass for every benchmark; `--site-iterations` sets N.
    @Test func thePassCanBeTurnedOffOrResized() throws {
        let off = try #require(try FixtureRun.run(["--filter", "^sites/f-and-g$", "--samples", "2", "--sample-time", "1ms",
            "--no-sites"]).results)
        #expect(off["sites/f-and-g"]?.allocationSites == nil)
        #expect(off["sites/f-and-g"]?[.allocs] != nil)
        let resized = try #require(
            try FixtureRun.run(["--filter", "^sites/f-and-g$", "--samples", "2", "--sample-time", "1ms", "--site-iterations", "3"]).results)
        let profile = try #require(resized["sites/f-and-g"]?.allocationSites)
        #expect(profile.iterations == 3 && profile.allocationsPerOp == 3)
    }

    /// Site keys depend on names only: two processes (two address-space layouts) agree.
    @Test func siteKeysAreTheSameInEveryRun() throws {
        let first = try sitesRun(), second = try sitesRun()
        for benchmark in ["sites/f-and-g", "sites/thread", "sites/task"] {
            let keys = { (file: ResultsFile) in Set(file[benchmark]?.allocationSites?.sites.map(\.key) ?? []) }
            #expect(!keys(first).isEmpty && keys(first) == keys(second), "\(benchmark)")
        }
    }
}
