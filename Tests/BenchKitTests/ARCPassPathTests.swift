@testable import BenchKit
import BenchResults
import Testing

/// The reference-counting pass counts only when it ran the kept samples' path: the same
/// allocations and bytes per op. Otherwise its counts are left out, and the result says why
/// (`ARCPass.disagreement(withSamples:)`).
@Suite struct ARCPassPathTests {
    static func sample(iterations: Int, allocations: UInt64, bytes: UInt64) -> SampleRecord {
        SampleRecord(iterations: iterations, nanoseconds: 1_000, cpuNanoseconds: 1_000, allocations: allocations, frees: allocations,
                     bytes: bytes, peakRSS: nil, rssGrowth: nil, instructions: nil, quantiles: [])
    }

    /// Samples of 10 and 20 iterations at 445 allocations and 80,272 bytes per op (what
    /// Foundation's JSONDecoder does in the examples' json/decode).
    static let samples = [sample(iterations: 10, allocations: 4_450, bytes: 802_720),
                          sample(iterations: 20, allocations: 8_900, bytes: 1_605_440)]

    static func pass(allocations: UInt64, bytes: UInt64) -> ARCPass {
        ARCPass(iterations: 29, retains: 29 * 2_571, releases: 29 * 3_700, objects: 29 * 444, allocations: allocations, bytes: bytes)
    }

    @Test func thePathOfTheSamplesCounts() {
        #expect(Self.pass(allocations: 29 * 445, bytes: 29 * 80_272).disagreement(withSamples: Self.samples) == nil)
    }

    /// Seen before the saves moved to their own thread: one array growth less per op in the
    /// pass, so 444 objects and 444 mallocs where the samples made 445.
    @Test func oneAllocationLessIsAnotherPath() throws {
        let problem = try #require(Self.pass(allocations: 29 * 444, bytes: 29 * 80_224).disagreement(withSamples: Self.samples))
        #expect(problem == "the reference-counting pass took another path than the samples "
            + "(444 allocs/op and 80224 B/op against 445 and 80272), so its counts are left out")
    }

    @Test func theSameAllocationsOfOtherSizesAreAnotherPath() {
        #expect(Self.pass(allocations: 29 * 445, bytes: 29 * 80_000).disagreement(withSamples: Self.samples) != nil)
    }

    /// Samples that differ from one another, or make a fraction of an allocation per op, say
    /// nothing a pass could be held to (the allocation metrics show that themselves).
    @Test(arguments: [
        [sample(iterations: 10, allocations: 4_450, bytes: 100), sample(iterations: 10, allocations: 4_451, bytes: 100)],
        [sample(iterations: 3, allocations: 1, bytes: 0), sample(iterations: 3, allocations: 1, bytes: 0)],
        [sample(iterations: 10, allocations: 10, bytes: 15), sample(iterations: 10, allocations: 10, bytes: 15)],
    ])
    func samplesWithoutOneWholeCountAreNotChecked(samples: [SampleRecord]) {
        #expect(Self.pass(allocations: 7, bytes: 7).disagreement(withSamples: samples) == nil)
    }

    @Test func noSamplesNothingToCheck() {
        #expect(Self.pass(allocations: 7, bytes: 7).disagreement(withSamples: []) == nil)
    }

    /// One sample cannot show that the body's allocations are steady (`refs` keeps one in its
    /// pass runs, and a task group's one sample can be exactly whole).
    @Test func oneSampleIsNotChecked() {
        #expect(Self.pass(allocations: 7, bytes: 7).disagreement(withSamples: [Self.samples[0]]) == nil)
    }

    /// A body that allocates 8 times every 8 ops: samples of 16 and 24 iterations make exactly
    /// 1 per op, but a pass of N = 100 iterations makes 96 or 104 (agreeing differences, not
    /// whole per op). Not another path.
    @Test(arguments: [UInt64(96), 104])
    func aPeriodicBodyIsNotAnotherPath(allocations: UInt64) {
        let samples = [Self.sample(iterations: 16, allocations: 16, bytes: 16 * 32),
                       Self.sample(iterations: 24, allocations: 24, bytes: 24 * 32)]
        let pass = ARCPass(iterations: 100, retains: 0, releases: 0, objects: 0, allocations: allocations, bytes: allocations * 32)
        #expect(pass.disagreement(withSamples: samples) == nil)
    }

    /// A pass whose own differences made different allocation counts ran a body whose
    /// allocations vary from run to run: nothing to hold it to.
    @Test func aPassWhoseAllocationsVariedIsNotChecked() {
        var pass = Self.pass(allocations: 29 * 444, bytes: 29 * 80_224)
        pass.allocationsVaried = true
        #expect(pass.disagreement(withSamples: Self.samples) == nil)
    }

    /// End to end: `arc/other-path` makes one more object per op while the runtime's hooks
    /// are on. Its samples make one allocation per op; the pass made two, so the counts are
    /// left out and the message says so, and the run still succeeds. `arc/objects=3`, run
    /// beside it, keeps its counts.
    #if os(Linux)  // The pass and the hook flag the fixture reads are Linux's.
    @Test func aPassOnAnotherPathLeavesItsCountsOut() throws {
        let run = try FixtureRun.run(["--filter", "^arc/(other-path|objects=3)$", "--samples", "3", "--sample-time", "2ms"])
        #expect(run.exitStatus == 0, "\(run.standardError)")
        let result = try #require(run.results?["arc/other-path"])
        #expect(result.status == .ok)
        #expect(result[.allocs]?.samples.allSatisfy { $0 == 1 } == true, "\(result[.allocs]?.samples ?? [])")
        #expect(result[.retains] == nil && result[.releases] == nil && result[.objects] == nil)
        #expect(result.retainSites == nil)
        #expect(result.message == "the reference-counting pass took another path than the samples "
            + "(2 allocs/op and 32 B/op against 1 and 16), so its counts are left out", "\(result.message ?? "nil")")
        let control = try #require(run.results?["arc/objects=3"])
        #expect(control[.objects]?.samples == [3] && control.message == nil)
    }
    #endif
}
