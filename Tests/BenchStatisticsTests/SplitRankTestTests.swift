import Testing
@testable import BenchStatistics

/// Mid-ranks, the maximally selected rank statistic and its seeded permutation test.
/// Reference values are worked by hand in the comments.
struct SplitRankTestTests {
    @Test func midRanksShareTiedPositions() {
        #expect(MidRanks.of([30, 10, 20, 10]) == [4, 1.5, 3, 1.5])
        #expect(MidRanks.of([5, 5, 5]) == [2, 2, 2])
        #expect(MidRanks.of([1, 2, 3]) == [1, 2, 3])
        #expect(MidRanks.of([]) == [])
        // Ranks always sum to n (n + 1) / 2.
        var random = SeededRandom(seed: 3)
        let values = (0..<41).map { _ in Double(Int.random(in: 0..<9, using: &random)) }
        #expect(MidRanks.of(values).reduce(0, +) == 41 * 42 / 2)
    }

    @Test func statisticFindsTheSplitAndItsDirection() throws {
        // Ranks 1...4 then 5...8, minimum segment 2: W(4) = 10, centred 10 - 4 * 4.5 = -8,
        // standardised by sqrt(4 * 4 * 9 / 12) = sqrt(12): 8 / 3.4641 = 2.3094.
        let up = try #require(SplitRankStatistic(ranks: [1, 2, 3, 4, 5, 6, 7, 8], minimumSegment: 2))
        #expect(up.split == 4 && up.laterIsHigher)
        #expect(abs(up.value - 8 / 12.0.squareRoot()) < 1e-12)
        let down = try #require(SplitRankStatistic(ranks: [7, 8, 5, 6, 3, 4, 1, 2], minimumSegment: 2))
        #expect(down.split == 4 && !down.laterIsHigher)
        // All tied: every split has the same ranks on both sides.
        #expect(SplitRankStatistic(ranks: [2.5, 2.5, 2.5, 2.5], minimumSegment: 2)?.value == 0)
        // Too short for two segments.
        #expect(SplitRankStatistic(ranks: [1, 2, 3], minimumSegment: 2) == nil)
        #expect(SplitRankStatistic.weights(length: 9, minimumSegment: 5).isEmpty)
        #expect(SplitRankStatistic.weights(length: 10, minimumSegment: 5).count == 1)
    }

    @Test func pValuesAreSeededAndExtendConsistently() throws {
        var random = SeededRandom(seed: 11)
        let values = (0..<40).map { _ in random.nextGaussian() }
        var first = SplitRankTest(), second = SplitRankTest()
        let tested = first.test(values, minimumSegment: 5, permutations: 1999)
        let p = try #require(tested)
        #expect(second.test(values, minimumSegment: 5, permutations: 1999) == p)
        // More permutations later, then the first count again: the same first permutations.
        _ = first.test(values, minimumSegment: 5, permutations: 5999)
        #expect(first.test(values, minimumSegment: 5, permutations: 1999) == p)
        #expect(p.pValue > 0 && p.pValue <= 1)
        // A monotone transform keeps the ranks, so the p-value.
        #expect(second.test(values.map { $0 * 3 + 1 }, minimumSegment: 5, permutations: 1999)?.pValue == p.pValue)
        #expect(first.test(Array(values.prefix(9)), minimumSegment: 5, permutations: 1999) == nil)
    }

    /// Under exchangeability the p-values are close to uniform: of 400 seeded series of 30
    /// values, the fraction below 0.05 and 0.2 stays near 0.05 and 0.2 (binomial standard
    /// errors 0.011 and 0.02; the bounds are about three of them).
    @Test func keepsItsLevelOnExchangeableSeries() {
        var random = SeededRandom(seed: 12)
        var test = SplitRankTest()
        var below5 = 0, below20 = 0
        for _ in 0..<400 {
            let values = (0..<30).map { _ in random.nextGaussian() }
            let p = test.test(values, minimumSegment: 5, permutations: 999)!.pValue
            if p <= 0.05 { below5 += 1 }
            if p <= 0.2 { below20 += 1 }
        }
        #expect(below5 <= 34, "\(below5) of 400 below 0.05")
        #expect(below20 >= 56 && below20 <= 104, "\(below20) of 400 below 0.2")
    }

    /// A clean step (every value after it above every value before) in 60 values is found
    /// at level 0.01 with 5 values after it, the minimum segment: the claim in
    /// `SplitRankStatistic`'s doc. Pettitt's unweighted statistic needs 9 (its p-value
    /// 2 exp(-6 K^2 / (n^3 + n^2)) with K = k (60 - k): 0.018 at k = 8, 0.0063 at k = 9).
    @Test func aCleanStepNearTheEndIsSeenAfterFiveRuns() {
        var test = SplitRankTest()
        func pValue(after count: Int) -> Double {
            let values = (0..<60).map { Double(($0 * 37) % 60) + ($0 >= 60 - count ? 100 : 0) }
            let result = test.test(values, minimumSegment: 5, permutations: 1999)!
            #expect(result.statistic.split == 60 - count && result.statistic.laterIsHigher)
            return result.pValue
        }
        #expect(pValue(after: 5) < 0.01)
        #expect(pValue(after: 30) < pValue(after: 5))
    }
}
