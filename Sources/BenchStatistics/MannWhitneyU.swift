/// The Mann-Whitney U test (Wilcoxon rank-sum test) of two independent samples.
///
///     let t = MannWhitneyU.test(baselineNanos, currentNanos)!
///     if t.pValue < 0.01 { ... }   // the two samples differ in location
///
/// Contract:
/// - **Null hypothesis**: stochastic equality, P(A > B) = P(B > A) for independent draws
///   A and B of the two populations; the p-values are computed as if the pooled values were
///   exchangeable (both samples from one distribution). A rejection says one side tends to
///   be larger, not which statistic (median, mean) moved. Observations are assumed
///   independent within and between samples; no distributional shape is assumed.
/// - **Two-sided**: `pValue` = P(|U' - n1 n2 / 2| >= |U - n1 n2 / 2|) under the null, U' the
///   statistic of a random relabelling. For untied data this is twice the smaller tail.
/// - **Ties** (exactly equal values, in either sample) get mid-ranks: a tied pair counts
///   1/2 towards U. When n1 + n2 <= `exactLimit`, the p-value is exact *conditional on the
///   observed tie pattern* (the permutation distribution, counted by dynamic programming
///   over doubled integer mid-ranks), so heavily tied samples, such as RSS in whole pages,
///   behave sensibly. Above the limit the normal approximation uses the tie-corrected
///   variance n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N (N - 1))).
/// - **Exact vs normal**: `method` says which was used: `.exact` when
///   n1 + n2 <= `exactLimit` (50), `.normal` otherwise.
/// - **Continuity correction**: the normal approximation uses |U - n1 n2 / 2| - 1/2
///   (floored at 0), matching `scipy.stats.mannwhitneyu(method="asymptotic")`.
/// - **p = 1** when U is as close to n1 n2 / 2 as the data allow: U = n1 n2 / 2, all
///   values identical (across both samples), n1 = n2 = 1, or |U - n1 n2 / 2| = 1/2 with
///   n1 n2 odd and no ties. **p = 0** never happens in exact mode; in
///   normal mode only when the normal tail underflows (z beyond about 38).
/// - **Minimum n**: even complete separation cannot give p below `smallestPValue(n1:n2:)`,
///   2 / C(n1 + n2, n1) in exact mode. With equal sizes, p < 0.05 needs n >= 4 per side,
///   p < 0.01 needs n >= 5, p < 0.001 needs n >= 7 (`SampleSizeEstimate` computes this).
///   Remember that a Holm correction over m tests divides alpha by up to m.
/// - **Reference**: H. B. Mann and D. R. Whitney, "On a Test of Whether one of Two Random
///   Variables is Stochastically Larger than the Other", Annals of Mathematical Statistics
///   18(1), 50-60 (1947). The exact untied distribution is computed as in Harding (1984),
///   the tied one as in Streitberg and Roehmel (1986); see `UNullDistribution`.
///
/// Results agree with `scipy.stats.mannwhitneyu(a, b, alternative="two-sided")` using
/// `method="exact"` for untied samples up to the limit and `method="asymptotic"` above it.
package struct MannWhitneyU: Sendable, Equatable {
    /// How the p-value was computed.
    package enum Method: String, Sendable {
        /// The exact permutation distribution (conditional on ties, if any).
        case exact
        /// The normal approximation with tie and continuity corrections.
        case normal
    }

    /// The U statistic of the first sample: the number of pairs (a_i, b_j) with
    /// a_i > b_j, plus 1/2 for each pair with a_i == b_j. Ranges over 0...n1 n2 in steps of
    /// 1/2; the second sample's U is n1 n2 - u.
    package let u: Double
    /// The two-sided p-value, in (0, 1] (see the type's contract for when it is 1 or 0).
    package let pValue: Double
    /// Whether `pValue` is exact or approximate.
    package let method: Method

    /// Use the exact distribution when n1 + n2 <= 50.
    ///
    /// Why 50: the exact counts are whole numbers below 2^53 (C(50, 25) is about 1.3e14),
    /// so they are exact in `Double`; the cost stays small (release build, measured: about
    /// 1 us at 10 vs 10 and 10 us at 25 vs 25 untied; about 5 us and 70 us with many ties);
    /// and above 50 the normal approximation's error is far below any alpha a gate uses,
    /// except deep in the tails where both methods say "significant" (there the normal tail
    /// is the larger, so `smallestPValue` is not monotone across the limit: 1.6e-14 at
    /// 25 vs 25, 6.5e-10 at 26 vs 26). golang.org/x/perf uses the same limit.
    package static let exactLimit: Int = 50

    /// Creates a result from its parts (for tests and fakes; `test` is the real entry).
    package init(u: Double, pValue: Double, method: Method) {
        self.u = u
        self.pValue = pValue
        self.method = method
    }

    /// Tests whether `a` and `b` differ in location (two-sided).
    ///
    /// - Parameters:
    ///   - a: the first sample (U is counted from its side). Finite values.
    ///   - b: the second sample. Finite values.
    /// - Returns: the statistic and p-value, or `nil` when either sample is empty or
    ///   contains NaN.
    /// - Complexity: O(N log N) to rank, plus O(min(n1, n2) n1 n2) for the exact untied
    ///   distribution or O(N n1^2 n2) at worst for the exact tied one; O(N log N) in
    ///   normal mode.
    package static func test(_ a: [Double], _ b: [Double]) -> MannWhitneyU? {
        guard !a.isEmpty, !b.isEmpty, !a.contains(where: \.isNaN), !b.contains(where: \.isNaN) else {
            return nil
        }
        let pooled = PooledSamples(a, b)
        let u = Double(pooled.doubledU) / 2
        if pooled.n1 + pooled.n2 <= exactLimit {
            return MannWhitneyU(u: u, pValue: exactPValue(pooled), method: .exact)
        }
        return MannWhitneyU(u: u, pValue: normalPValue(pooled), method: .normal)
    }

    /// The smallest two-sided p-value `test` can return for samples of these sizes: the
    /// p-value of complete separation (every value of one sample below every value of the
    /// other, no ties).
    ///
    /// 2 / C(n1 + n2, n1) in exact mode, e.g. 2 / C(20, 10) = 1.08e-5 for 10 vs 10 and
    /// 2 / C(6, 3) = 0.1 for 3 vs 3; the continuity-corrected normal tail above
    /// `exactLimit` (which is larger than the exact value would be). Capped at 1.
    /// Traps if either size is below 1.
    package static func smallestPValue(n1: Int, n2: Int) -> Double {
        precondition(n1 >= 1 && n2 >= 1, "sample sizes must be at least 1")
        if n1 + n2 <= exactLimit {
            return min(1, 2 / UNullDistribution.binomial(n1 + n2, n1))
        }
        let n = Double(n1 + n2), product = Double(n1) * Double(n2)
        let sigma = (product * (n + 1) / 12).squareRoot()
        return min(1, 2 * NormalDistribution.survival((product / 2 - 0.5) / sigma))
    }

    /// The exact two-sided p-value, conditional on the tie pattern.
    static func exactPValue(_ pooled: PooledSamples) -> Double {
        let n1 = pooled.n1, n2 = pooled.n2, m = n1 * n2
        let deviation = abs(pooled.doubledU - m)  // |2U - n1 n2|: distance from the centre, doubled
        if deviation == 0 { return 1 }
        let total = UNullDistribution.binomial(n1 + n2, n1)
        if !pooled.hasTies {
            // Symmetric: p = 2 P(U <= (n1 n2 - deviation) / 2); deviation and m share parity.
            let lowerU = (m - deviation) / 2
            let counts = UNullDistribution.distinctCounts(n1: n1, n2: n2, through: lowerU)
            return min(1, 2 * counts.reduce(0, +) / total)
        }
        let counts = UNullDistribution.tiedCounts(n1: n1, n2: n2, tieGroupSizes: pooled.tieGroupSizes)
        var extreme = 0.0
        for (doubled, count) in counts.enumerated() where abs(doubled - m) >= deviation {
            extreme += count
        }
        return min(1, extreme / total)
    }

    /// The normal-approximation two-sided p-value with tie and continuity corrections.
    static func normalPValue(_ pooled: PooledSamples) -> Double {
        let n = Double(pooled.n1 + pooled.n2), product = Double(pooled.n1) * Double(pooled.n2)
        let variance = product / 12 * ((n + 1) - pooled.tieCubeSum / (n * (n - 1)))
        guard variance > 0 else { return 1 }  // every value identical
        let distance = max(0, abs(Double(pooled.doubledU) - product) / 2 - 0.5)
        return min(1, 2 * NormalDistribution.survival(distance / variance.squareRoot()))
    }
}
