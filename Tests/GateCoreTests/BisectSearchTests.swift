import Testing
@testable import GateCore

/// `BisectSearch`: plain bisection finds every first bad commit within ceil(log2(n)) tests,
/// and skipped commits are gone around, never counted good or bad.
@Suite struct BisectSearchTests {
    /// Runs a search over `count` commits whose first bad one is `culprit`; the commits in
    /// `skipped` cannot be tested. Returns the search when it is over and the positions tested.
    func bisect(count: Int, culprit: Int, skipped: Set<Int> = []) -> (search: BisectSearch, tested: [Int]) {
        var search = BisectSearch(count: count)
        var tested: [Int] = []
        while let position = search.next {
            tested.append(position)
            search.record(position, skipped.contains(position) ? .skipped : position >= culprit ? .bad : .good)
        }
        return (search, tested)
    }

    @Test func maxStepsIsTheCeilingOfLog2() {
        let expected = [1: 0, 2: 1, 3: 2, 4: 2, 5: 3, 8: 3, 9: 4, 15: 4, 16: 4, 17: 5, 1000: 10, 1024: 10, 1025: 11]
        for (count, steps) in expected { #expect(BisectSearch.maxSteps(count: count) == steps, "\(count)") }
    }

    /// Every culprit of every line of 1 to 70 commits, found in at most ceil(log2(n)) tests.
    @Test func findsEveryCulpritWithinTheBound() {
        for count in 1...70 {
            for culprit in 1...count {
                let (search, tested) = bisect(count: count, culprit: culprit)
                #expect(search.isFound && search.firstBad == culprit && search.lastGood == culprit - 1, "\(count) \(culprit)")
                #expect(tested.count <= BisectSearch.maxSteps(count: count), "\(count) \(culprit): \(tested)")
                #expect(Set(tested).count == tested.count)
            }
        }
    }

    /// The 16-commit line of the end-to-end test: 4 tests, halving each time.
    @Test func sixteenCommitsTakeFourTestsAtTheMiddles() {
        let (search, tested) = bisect(count: 16, culprit: 11)
        #expect(tested == [8, 12, 10, 11])
        #expect(search.firstBad == 11)
    }

    @Test func oneCommitNeedsNoTest() {
        let search = BisectSearch(count: 1)
        #expect(search.next == nil)
        #expect(search.isFound && search.firstBad == 1 && search.lastGood == 0)
    }

    /// A skipped commit away from the culprit costs one more test and changes nothing.
    @Test func aSkippedCommitElsewhereIsGoneAround() {
        let (search, tested) = bisect(count: 16, culprit: 11, skipped: [8])
        #expect(search.isFound && search.firstBad == 11)
        #expect(tested.first == 8 && tested.dropFirst().first == 7)
        #expect(search.marks[8] == .skipped)
    }

    /// A skipped commit just before the culprit: it could be the first bad one, so the answer
    /// is the range, never the culprit alone, and the skipped commit is never counted good.
    @Test func aSkippedCommitBeforeTheCulpritLeavesARange() {
        let (search, _) = bisect(count: 16, culprit: 11, skipped: [10])
        #expect(!search.isFound)
        #expect(search.lastGood == 9 && search.firstBad == 11 && search.skippedInRange == [10])
    }

    @Test func aSkippedCulpritLeavesTheRangeAfterIt() {
        let (search, _) = bisect(count: 16, culprit: 11, skipped: [11])
        #expect(!search.isFound)
        #expect(search.lastGood == 10 && search.firstBad == 12 && search.skippedInRange == [11])
    }

    /// Every commit but the ends untestable: the range is the whole line.
    @Test func nothingTestableLeavesTheWholeLine() {
        let (search, tested) = bisect(count: 6, culprit: 3, skipped: Set(1...5))
        #expect(!search.isFound && search.lastGood == 0 && search.firstBad == 6)
        #expect(Set(tested) == Set(1...5))
    }

    /// The next commit is the open one nearest the middle, the lower on a tie.
    @Test func nextIsNearestTheMiddle() {
        var search = BisectSearch(count: 8)
        #expect(search.next == 4)
        search.record(4, .skipped)
        #expect(search.next == 3)
        search.record(3, .skipped)
        #expect(search.next == 5)
    }
}
