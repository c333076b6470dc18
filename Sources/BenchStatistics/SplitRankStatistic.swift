/// The maximally selected rank-sum statistic of a sequence: where a series most likely
/// changed level, and how strongly its ranks say so.
///
///     let split = SplitRankStatistic(ranks: MidRanks.of(series), minimumSegment: 5)!
///     split.split          // 30: the first 30 values against the rest
///     split.laterIsHigher  // true: the level went up
///
/// For every split of the L values into the first t and the last L - t, both at least
/// `minimumSegment` long, Z(t) is the Wilcoxon rank sum of the first part standardised under
/// exchangeability: (W(t) - t (L + 1) / 2) / sqrt(t (L - t) (L + 1) / 12), W(t) the sum of
/// the first t (mid-)ranks. The statistic is the largest |Z(t)|; `split` is the first t
/// that reaches it. The standardisation uses the variance without ties at every t, a fixed
/// function of t and L, so ties change the statistic's distribution but not its validity as
/// a permutation statistic (`SplitRankTest` computes its distribution for the tie pattern
/// at hand).
///
/// Standardising gives splits near the ends the same footing as central ones, so a change a
/// few runs from the end of a history is not drowned by its length: in 60 values, a clean
/// step (all values after it above all before) is significant at level 0.01 with 5 values
/// after it (the usual minimum segment), where the unweighted maximum, Pettitt's statistic,
/// needs 9 by its approximate p-value.
///
/// References: B. Lausen and M. Schumacher, "Maximally selected rank statistics", Biometrics
/// 48(1), 73-85 (1992); T. Hothorn and B. Lausen, "On the exact distribution of maximally
/// selected rank statistics", Computational Statistics & Data Analysis 43(2), 121-137
/// (2003); in the change-point setting, M. Csörgő and L. Horváth, "Limit Theorems in
/// Change-Point Analysis", Wiley (1997), section 2.4.
package struct SplitRankStatistic: Sendable, Equatable {
    /// The largest standardised |Z(t)|, 0 when every split has the same ranks on both sides.
    package var value: Double
    /// The length of the first part at the maximum: the later part starts at this index.
    package var split: Int
    /// Whether the later part ranks higher than the first (the level went up).
    package var laterIsHigher: Bool

    /// The statistic of `ranks` (mid-ranks of a sequence, `MidRanks.of`), or nil when the
    /// sequence is shorter than two segments of `minimumSegment` (at least 1).
    ///
    /// - Complexity: O(L).
    package init?(ranks: [Double], minimumSegment: Int) {
        let weights = Self.weights(length: ranks.count, minimumSegment: minimumSegment)
        guard !weights.isEmpty else { return nil }
        let minimum = max(1, minimumSegment), centre = Double(ranks.count + 1) / 2
        var sum = 0.0, best = -1.0, bestSplit = minimum, bestSum = 0.0
        for index in 0..<(ranks.count - minimum) {
            sum += ranks[index] - centre
            let t = index + 1
            guard t >= minimum else { continue }
            let z = abs(sum) * weights[t - minimum]
            if z > best { (best, bestSplit, bestSum) = (z, t, sum) }
        }
        self.init(value: best, split: bestSplit, laterIsHigher: bestSum < 0)
    }

    /// A statistic from its parts (tests).
    package init(value: Double, split: Int, laterIsHigher: Bool) {
        self.value = value
        self.split = split
        self.laterIsHigher = laterIsHigher
    }

    /// |Z(t)| for the split of `ranks` (mid-ranks, L of them) into the first `split` and the
    /// rest, for any split in 1..<L: the statistic's term at one place, to weigh a location
    /// by. Traps outside that range.
    package static func standardized(ranks: [Double], split: Int) -> Double {
        precondition(split >= 1 && split < ranks.count, "SplitRankStatistic: the split leaves a part empty")
        let l = Double(ranks.count), t = Double(split)
        let centred = ranks[..<split].reduce(0, +) - t * (l + 1) / 2
        return centred.magnitude / (t * (l - t) * (l + 1) / 12).squareRoot()
    }

    /// 1 / sqrt(t (L - t) (L + 1) / 12) for t = m ... L - m (m = `minimumSegment`, at least
    /// 1); empty when L < 2 m.
    package static func weights(length: Int, minimumSegment: Int) -> [Double] {
        let minimum = max(1, minimumSegment)
        guard length >= 2 * minimum else { return [] }
        let l = Double(length)
        return (minimum...(length - minimum)).map { t in
            let first = Double(t)
            return 1 / (first * (l - first) * (l + 1) / 12).squareRoot()
        }
    }

    /// The statistic's value for `ranks` with precomputed `weights` (the permutation loop's
    /// fast path: no allocation).
    static func maximum(_ ranks: UnsafeMutableBufferPointer<Double>, weights: UnsafeBufferPointer<Double>, minimumSegment: Int) -> Double {
        let centre = Double(ranks.count + 1) / 2
        var sum = 0.0, best = 0.0
        for index in 0..<(minimumSegment - 1) { sum += ranks[index] - centre }
        for offset in 0..<weights.count {
            sum += ranks[minimumSegment - 1 + offset] - centre
            let z = sum.magnitude * weights[offset]  // not abs(_:): generic, slow in debug builds
            if z > best { best = z }
        }
        return best
    }
}
