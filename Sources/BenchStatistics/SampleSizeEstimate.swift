/// How many samples per side would settle an inconclusive comparison: the sample size at
/// which a two-sided Mann-Whitney U test would detect the observed effect.
///
///     // 10 vs 10 samples where P(baseline < current) is estimated as 0.61:
///     SampleSizeEstimate.samplesPerSide(baseline: b, current: c, alpha: 0.01)   // 161
///     SampleSizeEstimate.minimumForSignificance(alpha: 0.01)                   // 5
///
/// The estimate is a planning figure, not a promise: it treats the observed effect as the
/// true one, and small samples estimate effects poorly.
package enum SampleSizeEstimate {
    /// The estimated P(baseline < current) is clamped into [0.01, 0.49] or [0.51, 0.99]:
    /// away from 1/2 so a negligible effect still gives a finite answer (at most about
    /// 19,500 per side at alpha 0.01), away from 0 and 1 so complete separation in a few
    /// samples is not taken as certainty.
    package static let effectClamp = 0.01

    /// The largest estimate returned (samples per side): a figure so large only says "more
    /// than can be run", and keeps the conversion to `Int` total.
    package static let maximumEstimate = 1_000_000_000

    /// Samples per side for a two-sided U test at `alpha` to detect the observed effect
    /// with probability `power`.
    ///
    /// Noether's formula for equal group sizes: n = (z(1 - alpha/2) + z(power))^2 /
    /// (6 (P - 1/2)^2), rounded up, where P = P(baseline < current) is estimated by
    /// U / (n1 n2), U counting pairs with current > baseline and ties as 1/2, then clamped
    /// (see `effectClamp`). Reference: G. E. Noether, "Sample Size Determination for Some
    /// Common Nonparametric Tests", Journal of the American Statistical Association 82(398),
    /// 645-647 (1987). The result is never below `minimumForSignificance(alpha:)`, since
    /// fewer samples cannot reach `alpha` however large the effect.
    ///
    /// - Parameters:
    ///   - baseline: the reference sample (finite values).
    ///   - current: the sample being judged (finite values).
    ///   - alpha: the significance level the test will use (for a Holm-corrected check, the
    ///     per-test level at which this comparison would be judged), in (0, 1).
    ///   - power: the desired probability of detection, in (0, 1).
    ///   Traps if `alpha` or `power` is outside (0, 1).
    /// - Returns: samples per side, or `nil` when a sample is empty or contains NaN, or the
    ///   observed effect is exactly nil (P == 1/2: no direction to detect).
    package static func samplesPerSide(
        baseline: [Double], current: [Double], alpha: Double, power: Double = 0.8
    ) -> Int? {
        precondition(alpha > 0 && alpha < 1, "alpha must be strictly between 0 and 1")
        precondition(power > 0 && power < 1, "power must be strictly between 0 and 1")
        guard !baseline.isEmpty, !current.isEmpty,
              !baseline.contains(where: \.isNaN), !current.contains(where: \.isNaN) else { return nil }
        let pooled = PooledSamples(current, baseline)
        let pairs = baseline.count * current.count
        guard pooled.doubledU != pairs else { return nil }  // 2U == n1 n2: P is exactly 1/2
        let p = Double(pooled.doubledU) / 2 / Double(pairs)
        let effect = min(max(abs(p - 0.5), effectClamp), 0.5 - effectClamp)
        // z(1 - alpha/2) as -z(alpha/2): finite down to the smallest alpha, where 1 - alpha/2
        // would round to 1 (and z to infinity) below about 1e-16.
        let z = -NormalDistribution.quantile(alpha / 2) + NormalDistribution.quantile(power)
        let noether = (z * z / (6 * effect * effect)).rounded(.up)
        let samples = noether < Double(maximumEstimate) ? Int(noether) : maximumEstimate
        return max(samples, minimumForSignificance(alpha: alpha))
    }

    /// The smallest n such that n vs n samples can give p < `alpha` at all: the first n with
    /// `MannWhitneyU.smallestPValue(n1: n, n2: n) < alpha` (strictly below).
    ///
    /// 4 for alpha = 0.05 (2 / C(8, 4) = 0.029), 5 for 0.01 (2 / C(10, 5) = 0.0079),
    /// 7 for 0.001 (2 / C(14, 7) = 0.00058). Traps unless 0 < alpha <= 1.
    ///
    /// - Complexity: O(result); about 2,000 steps for alphas near the smallest Double.
    package static func minimumForSignificance(alpha: Double) -> Int {
        precondition(alpha > 0 && alpha <= 1, "alpha must be in (0, 1]")
        var n = 1
        while MannWhitneyU.smallestPValue(n1: n, n2: n) >= alpha { n += 1 }
        return n
    }
}
