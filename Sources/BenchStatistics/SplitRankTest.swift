/// The permutation test of `SplitRankStatistic`: is there a change of level anywhere in a
/// sequence, and where.
///
///     var test = SplitRankTest()
///     if let result = test.test(series, minimumSegment: 5, permutations: 1999), result.pValue < 0.01 {
///         // the level changed at result.statistic.split
///     }
///
/// Contract:
/// - **Null hypothesis**: the values are exchangeable (independent draws of one distribution,
///   in any order). No distributional shape is assumed; only the order of the values counts.
/// - **p-value**: (1 + the number of permutations whose statistic is at least the observed
///   one) / (1 + `permutations`), the Monte Carlo permutation p-value of A. C. A. Hope, "A
///   Simplified Monte Carlo Significance Test Procedure", JRSS B 30(3), 582-598 (1968). It is
///   never below 1 / (1 + `permutations`), and P(p <= a) <= a under the null for every a that
///   is a multiple of that step, so the test keeps its level whatever the sample size.
/// - **Ties**: mid-ranks; the permutation distribution is that of the tie pattern observed.
/// - **Seeded**: the permutations of a tie pattern come from `SeededRandom` with a seed made
///   of the sequence's length and minimum segment, so the same values give the same p-value
///   on every run and platform. The statistics of a pattern's permutations are kept and
///   extended on demand, so asking for more permutations later gives the p-value those first
///   permutations give, and many series of one length (a history's benchmarks) share them.
/// - **Minimum n**: 2 x `minimumSegment` values; shorter sequences give nil.
package struct SplitRankTest: Sendable {
    /// The result of one test.
    package struct Result: Sendable, Equatable {
        /// The observed statistic and where it splits the sequence.
        package var statistic: SplitRankStatistic
        /// The Monte Carlo permutation p-value, in (0, 1].
        package var pValue: Double
        /// How many permutations it was computed from.
        package var permutations: Int
    }

    /// One tie pattern's permutation distribution, as far as it has been drawn.
    private struct Null: Sendable {
        var random: SeededRandom
        /// The arrangement the next shuffle starts from.
        var arrangement: [Double]
        var weights: [Double]
        /// The statistic of each permutation drawn, in the order drawn.
        var statistics: [Double] = []
        /// The first n of them in ascending order, by n (for counting by binary search).
        var sortedPrefixes: [Int: [Double]] = [:]

        /// How many of the first `count` statistics are at least `floor`.
        mutating func count(atLeast floor: Double, among count: Int) -> Int {
            let sorted = sortedPrefixes[count] ?? statistics[..<count].sorted()
            sortedPrefixes[count] = sorted
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < floor { low = middle + 1 } else { high = middle }
            }
            return count - low
        }
    }

    private struct Key: Hashable, Sendable {
        var sortedRanks: [Double]
        var minimumSegment: Int
    }

    private var nulls: [Key: Null] = [:]

    /// A test with no permutations drawn yet.
    package init() {}

    /// The seed of the permutations of sequences of `length` values with `minimumSegment`.
    package static func seed(length: Int, minimumSegment: Int) -> UInt64 {
        0x6D65_6D67_6174_6500 ^ (UInt64(length) << 16) ^ UInt64(minimumSegment)
    }

    /// Tests `values` (no NaN) for a change of level, each part at least `minimumSegment` long.
    ///
    /// - Returns: nil when there are fewer than 2 x `minimumSegment` values.
    /// - Complexity: O(`permutations` x L) the first time a tie pattern is tested with that
    ///   many permutations, O(L log L + `permutations`) after.
    package mutating func test(_ values: [Double], minimumSegment: Int, permutations: Int) -> Result? {
        let (ranks, pattern) = MidRanks.withPattern(values)
        guard let statistic = SplitRankStatistic(ranks: ranks, minimumSegment: minimumSegment) else { return nil }
        return Result(statistic: statistic, pValue: pValue(of: statistic.value, pattern: pattern, minimumSegment: minimumSegment,
                                                             permutations: permutations),
                      permutations: permutations)
    }

    /// The permutation p-value of an observed statistic `value` of a sequence whose
    /// mid-ranks, in ascending order, are `pattern` (`MidRanks.withPattern`).
    package mutating func pValue(of value: Double, pattern: [Double], minimumSegment: Int, permutations: Int) -> Double {
        precondition(permutations >= 1, "SplitRankTest: at least one permutation")
        let key = Key(sortedRanks: pattern, minimumSegment: max(1, minimumSegment))
        var null = nulls.removeValue(forKey: key) ?? Null(
            random: SeededRandom(seed: Self.seed(length: pattern.count, minimumSegment: key.minimumSegment)),
            arrangement: pattern, weights: SplitRankStatistic.weights(length: pattern.count, minimumSegment: key.minimumSegment))
        Self.draw(&null, upTo: permutations, minimumSegment: key.minimumSegment)
        // A relative tolerance: the same arrangement summed in another order must count as equal.
        let exceeding = null.count(atLeast: value * (1 - 1e-12), among: permutations)
        nulls[key] = null
        return Double(1 + exceeding) / Double(1 + permutations)
    }

    /// Draws permutations (Fisher-Yates shuffles, each uniform whatever the arrangement it
    /// starts from) until `null` holds `count` statistics.
    private static func draw(_ null: inout Null, upTo count: Int, minimumSegment: Int) {
        guard null.statistics.count < count else { return }
        null.statistics.reserveCapacity(count)
        var random = null.random
        var statistics = null.statistics
        null.arrangement.withUnsafeMutableBufferPointer { ranks in
            null.weights.withUnsafeBufferPointer { weights in
                while statistics.count < count {
                    var index = ranks.count - 1
                    while index > 0 {
                        // Lemire's multiply-shift: bias below (index + 1) / 2^64, negligible here.
                        let other = Int(random.next().multipliedFullWidth(by: UInt64(index + 1)).high)
                        (ranks[index], ranks[other]) = (ranks[other], ranks[index])
                        index -= 1
                    }
                    statistics.append(SplitRankStatistic.maximum(ranks, weights: weights, minimumSegment: minimumSegment))
                }
            }
        }
        null.random = random
        null.statistics = statistics
    }
}
