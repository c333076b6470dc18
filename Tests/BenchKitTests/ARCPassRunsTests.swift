@testable import BenchKit
import Testing

/// `ARCPass.init(runs:iterations:)`: the counts of runs of N, 2N, 3N (and 4N) iterations to
/// the counts of N iterations, with a stray event on another thread in any one run outvoted.
@Suite struct ARCPassRunsTests {
    /// N = 50 iterations of a body with 7 retains, 9 releases and 2 objects per op, and a
    /// loop entry and exit that cost 3, 4 and 1; `stray` adds one object and one release (what
    /// another thread did during a run) to the runs it names (1-based).
    /// Allocations follow the objects (one malloc each, plus 2 of the loop's own), 16 bytes each.
    static func runs(_ count: Int, stray: Set<Int> = []) -> ARCRuns {
        ARCRuns((1...count).map { k in
            let extra: UInt64 = stray.contains(k) ? 1 : 0
            let objects = 1 + UInt64(k * 50 * 2) + extra
            return ARCRun(retains: 3 + UInt64(k * 50 * 7), releases: 4 + UInt64(k * 50 * 9) + extra,
                          objects: objects, allocations: objects + 2, bytes: 16 * (objects + 2))
        })
    }

    static let exact = ARCPass(iterations: 50, retains: 350, releases: 450, objects: 100, allocations: 100, bytes: 1600)

    /// `exact`, as counted from runs whose differences disagreed (a stray event outvoted).
    static var outvoted: ARCPass {
        var pass = exact
        pass.allocationsVaried = true
        return pass
    }

    @Test func twoRunsAreNotEnough() {
        #expect(ARCPass(runs: ARCRuns(), iterations: 50) == nil)
        #expect(ARCPass(runs: Self.runs(2), iterations: 50) == nil)
    }

    @Test func threeRunsThatAgreeAreTheCounts() {
        #expect(ARCPass(runs: Self.runs(3), iterations: 50) == Self.exact)
        #expect(Self.exact.objectsPerOp == 2 && Self.exact.retainsPerOp == 7 && Self.exact.releasesPerOp == 9)
    }

    @Test(arguments: [1, 2, 3])
    func aStrayEventInAnyRunTakesAFourthRunAndIsOutvoted(run: Int) {
        #expect(ARCPass(runs: Self.runs(3, stray: [run]), iterations: 50) == nil)
        #expect(ARCPass(runs: Self.runs(4, stray: [run]), iterations: 50) == Self.outvoted)
    }

    /// Before: the 2N run minus the N run, so a stray event in either decided the counts.
    @Test func oneDifferenceAloneWouldHaveCountedTheStrayEvent() {
        let runs = Self.runs(2, stray: [2])
        #expect(runs[1].objects - runs[0].objects == 101)
    }

    @Test func theRunsAreKeptInOrderAndAtMostFour() {
        var runs = ARCRuns()
        for k in 1...5 { runs.append(ARCRun(retains: UInt64(k))) }
        #expect(runs.count == 4)
        #expect((0..<4).map { runs[$0].retains } == [1, 2, 3, 4])
    }

    @Test func aCountNeverGoesBelowZero() {
        let runs = ARCRuns([ARCRun(retains: 9, releases: 9, objects: 9), ARCRun(retains: 5, releases: 9, objects: 9),
                            ARCRun(retains: 1, releases: 9, objects: 9)])
        #expect(ARCPass(runs: runs, iterations: 10) == ARCPass(iterations: 10, retains: 0, releases: 0, objects: 0))
    }

    /// The median of three differences is the middle one whatever their order.
    @Test(arguments: [[5, 7, 6], [7, 5, 6], [6, 5, 7], [5, 6, 7], [7, 6, 5], [6, 7, 5]])
    func eachCountIsTheMedianOfThreeDifferences(differences: [UInt64]) {
        var total: UInt64 = 100
        var runs = [ARCRun(objects: total)]
        for d in differences {
            total += d
            runs.append(ARCRun(objects: total))
        }
        #expect(ARCPass(runs: ARCRuns(runs), iterations: 1)?.objects == 6)
    }

    /// Differences whose allocation counts agree leave the pass steady; a stray event that
    /// allocated in one run (outvoted in the counts) marks it varied.
    @Test func thePassKnowsWhetherItsAllocationsVaried() {
        #expect(ARCPass(runs: Self.runs(3), iterations: 50)?.allocationsVaried == false)
        #expect(ARCPass(runs: Self.runs(4, stray: [2]), iterations: 50)?.allocationsVaried == true)
    }
}
