import DescriptiveStatistics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The estimated change between a baseline and a current sample: the ratio of medians,
/// with a distribution-free confidence interval, for display as "1.12x ±4%".
///
///     let e = RatioEstimate.estimate(baseline: [100, 102, 98], current: [110, 113, 108])!
///     e.ratio        // 1.1
///     e.plusMinus    // half-width of the interval as a fraction of the ratio
///
/// Method. The point estimate is median(current) / median(baseline), as the gate compares
/// medians. The interval assumes a scale model, current ~ r * baseline, and is the
/// Moses / Hodges-Lehmann interval for a shift applied to the logarithms: with the
/// M = n1 n2 pairwise differences d = log(c_j) - log(b_i) in ascending order,
/// [d_(k), d_(M+1-k)], exponentiated, where k - 1 is the largest c with
/// 2 P(U <= c) <= 1 - confidence under the null distribution of the Mann-Whitney U for
/// untied samples of these sizes (exact when n1 + n2 <= `MannWhitneyU.exactLimit`,
/// otherwise c = floor(M/2 - 1/2 - z sigma), sigma^2 = n1 n2 (N + 1) / 12). The interval
/// therefore covers the true ratio with probability `achievedConfidence` >= `confidence`
/// under the model for continuous data; ties make it approximate. References: M. Hollander
/// and D. A. Wolfe, Nonparametric Statistical Methods, 2nd ed. (1999), section 4.3;
/// J. L. Hodges and E. L. Lehmann, Annals of Mathematical Statistics 34, 598-611 (1963).
///
/// Non-positive values have no logarithm: when any value is <= 0 the interval is instead
/// the one for the shift of the raw values, divided by the baseline median and added to 1
/// (`method == .differenceOverBaselineMedian`).
///
/// When the samples are too small for the requested confidence (even the widest interval,
/// from the smallest to the largest pairwise ratio, covers with probability below it; e.g.
/// 2 vs 2 at 95%, where the most it can reach is 1 - 2 / C(4, 2) = 67%), the interval is
/// that widest one, `isWidestPossible` is true, and `achievedConfidence` says what it
/// actually reaches.
///
/// The point estimate is not the centre of the interval and, for odd-shaped samples, is
/// not guaranteed to lie inside it.
package struct RatioEstimate: Sendable, Equatable {
    /// How the interval was computed.
    package enum Method: String, Sendable {
        /// The shift of log values, exponentiated (all values positive).
        case logShift
        /// 1 + (shift of raw values) / median(baseline) (some value was <= 0).
        case differenceOverBaselineMedian
    }

    /// median(current) / median(baseline).
    package let ratio: Double
    /// Lower bound of the confidence interval of the ratio.
    package let lower: Double
    /// Upper bound of the confidence interval of the ratio (>= `lower`).
    package let upper: Double
    /// The confidence level that was requested.
    package let confidence: Double
    /// The coverage the interval actually has under the model: >= `confidence` unless
    /// `isWidestPossible`, in which case it may be lower.
    package let achievedConfidence: Double
    /// True when the samples are too small to reach `confidence` and the interval is the
    /// widest one possible (smallest to largest pairwise ratio).
    package let isWidestPossible: Bool
    /// How the interval was computed.
    package let method: Method

    /// Creates an estimate from its parts (for tests and fakes; `estimate` is the real entry).
    package init(
        ratio: Double, lower: Double, upper: Double, confidence: Double,
        achievedConfidence: Double, isWidestPossible: Bool, method: Method
    ) {
        self.ratio = ratio
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.achievedConfidence = achievedConfidence
        self.isWidestPossible = isWidestPossible
        self.method = method
    }

    /// Half the width of the interval as a fraction of the ratio, (upper - lower) / 2 / ratio,
    /// for display as "±x%". The interval is not symmetric around the ratio (it is
    /// symmetric in log space, roughly), so show `lower` and `upper` where precision matters.
    /// Infinite when `ratio` is 0.
    package var plusMinus: Double { (upper - lower) / 2 / abs(ratio) }

    /// Estimates median(current) / median(baseline) with a confidence interval.
    ///
    /// - Parameters:
    ///   - baseline: the reference sample. Finite values.
    ///   - current: the sample being judged. Finite values.
    ///   - confidence: the requested coverage, strictly between 0 and 1 (traps otherwise).
    /// - Returns: the estimate, or `nil` when either sample is empty, a value is not
    ///   finite, or the baseline median is 0.
    /// - Complexity: O(N log N) plus O((n1 + n2) log(n1 n2) log n1) to select the bounds
    ///   among the n1 n2 pairwise differences, which are never all materialised.
    package static func estimate(
        baseline: [Double], current: [Double], confidence: Double = 0.95
    ) -> RatioEstimate? {
        precondition(confidence > 0 && confidence < 1, "confidence must be strictly between 0 and 1")
        guard !baseline.isEmpty, !current.isEmpty,
              baseline.allSatisfy(\.isFinite), current.allSatisfy(\.isFinite) else { return nil }
        let b = baseline.sorted(), c = current.sorted()
        guard let baseMedian = Descriptive.quantile(sorted: b, 0.5),
              let currentMedian = Descriptive.quantile(sorted: c, 0.5),
              baseMedian != 0 else { return nil }

        let rank = ShiftBoundRank(n1: b.count, n2: c.count, confidence: confidence)
        let positive = b[0] > 0 && c[0] > 0
        let differences = positive
            ? PairwiseDifferences(sortedX: b.map { log($0) }, sortedY: c.map { log($0) })
            : PairwiseDifferences(sortedX: b, sortedY: c)
        let low = differences.kthSmallest(rank.k)
        let high = differences.kthSmallest(differences.count + 1 - rank.k)
        let bounds = positive
            ? (exp(low), exp(high))
            : (1 + low / baseMedian, 1 + high / baseMedian)
        return RatioEstimate(
            ratio: currentMedian / baseMedian,
            lower: min(bounds.0, bounds.1), upper: max(bounds.0, bounds.1),
            confidence: confidence, achievedConfidence: rank.achievedConfidence,
            isWidestPossible: rank.isWidestPossible,
            method: positive ? .logShift : .differenceOverBaselineMedian)
    }
}
