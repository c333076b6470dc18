@testable import BenchKit
import CAllocCounter
import Testing

/// `ARCPass.init(runs:iterations:)`: the counts of runs of N, 2N, 3N (and 4N) iterations to
/// the counts of N iterations, with a stray event on another thread in any one run outvoted.
@Suite struct ARCPassRunsTests {
    /// N = 50 iterations of a body with 7 retains, 9 releases and 2 objects per op, and a
    /// loop entry and exit that cost 3, 4 and 1; `stray` adds one object and one release (what
    /// another thread did during a run) to the runs it names (1-based).
    static func runs(_ count: Int, stray: Set<Int> = []) -> [memgate_arc_counts] {
        (1...count).map { k in
            let extra: UInt64 = stray.contains(k) ? 1 : 0
            return memgate_arc_counts(retains: 3 + UInt64(k * 50 * 7), releases: 4 + UInt64(k * 50 * 9) + extra,
                                      objects: 1 + UInt64(k * 50 * 2) + extra)
        }
    }

    static let exact = ARCPass(iterations: 50, retains: 350, releases: 450, objects: 100)

    @Test func twoRunsAreNotEnough() {
        #expect(ARCPass(runs: [], iterations: 50) == nil)
        #expect(ARCPass(runs: Self.runs(2), iterations: 50) == nil)
    }

    @Test func threeRunsThatAgreeAreTheCounts() {
        #expect(ARCPass(runs: Self.runs(3), iterations: 50) == Self.exact)
        #expect(Self.exact.objectsPerOp == 2 && Self.exact.retainsPerOp == 7 && Self.exact.releasesPerOp == 9)
    }

    @Test(arguments: [1, 2, 3])
    func aStrayEventInAnyRunTakesAFourthRunAndIsOutvoted(run: Int) {
        #expect(ARCPass(runs: Self.runs(3, stray: [run]), iterations: 50) == nil)
        #expect(ARCPass(runs: Self.runs(4, stray: [run]), iterations: 50) == Self.exact)
    }

    /// Before: the 2N run minus the N run, so a stray event in either decided the counts.
    @Test func oneDifferenceAloneWouldHaveCountedTheStrayEvent() {
        let runs = Self.runs(2, stray: [2])
        #expect(runs[1].objects - runs[0].objects == 101)
    }

    @Test func aCountNeverGoesBelowZero() {
        let runs = [memgate_arc_counts(retains: 9, releases: 9, objects: 9), memgate_arc_counts(retains: 5, releases: 9, objects: 9),
                    memgate_arc_counts(retains: 1, releases: 9, objects: 9)]
        #expect(ARCPass(runs: runs, iterations: 10) == ARCPass(iterations: 10, retains: 0, releases: 0, objects: 0))
    }
}
