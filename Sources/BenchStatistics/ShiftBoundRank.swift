/// Which order statistics of the n1 n2 pairwise differences bound a distribution-free
/// confidence interval for a shift (Moses' interval; Hollander and Wolfe, section 4.3).
///
/// With U the Mann-Whitney statistic of untied samples under the null, the interval
/// [d_(k), d_(n1 n2 + 1 - k)] covers the true shift with probability 1 - 2 P(U <= k - 1).
/// `k` is the largest rank whose coverage still reaches the requested confidence.
struct ShiftBoundRank: Equatable {
    /// The 1-based rank of the lower bound; the upper bound has rank n1 n2 + 1 - k.
    let k: Int
    /// The coverage of the chosen interval, 1 - 2 P(U <= k - 1).
    let achievedConfidence: Double
    /// True when even k = 1 (the full range) covers with probability below the request.
    let isWidestPossible: Bool

    /// Slack for comparing a tail probability with 1 - confidence, so that a requested
    /// 0.9 (whose 1 - 0.9 is 0.09999999999999998 in binary) accepts a tail of exactly 0.1.
    static let tolerance = 1e-12

    /// Chooses k for samples of sizes n1 and n2 (both >= 1) and 0 < confidence < 1:
    /// from the exact distribution when n1 + n2 <= `MannWhitneyU.exactLimit`, otherwise
    /// from the normal approximation with continuity correction.
    init(n1: Int, n2: Int, confidence: Double) {
        let m = n1 * n2
        let allowedTails = 1 - confidence + Self.tolerance  // bound on 2 P(U <= k - 1)
        if n1 + n2 <= MannWhitneyU.exactLimit {
            let total = UNullDistribution.binomial(n1 + n2, n1)
            let counts = UNullDistribution.distinctCounts(n1: n1, n2: n2, through: m / 2)
            var cumulative = 0.0, best = -1, bestTails = 0.0
            for (c, count) in counts.enumerated() {
                cumulative += count
                guard 2 * cumulative / total <= allowedTails else { break }
                best = c
                bestTails = 2 * cumulative / total
            }
            if best >= 0 {
                self.init(k: best + 1, achievedConfidence: 1 - bestTails, isWidestPossible: false)
            } else {
                self.init(k: 1, achievedConfidence: max(0, 1 - 2 * counts[0] / total), isWidestPossible: true)
            }
            return
        }
        let n = Double(n1 + n2), half = Double(m) / 2
        let sigma = (Double(m) * (n + 1) / 12).squareRoot()
        let z = NormalDistribution.quantile((1 + confidence) / 2)
        let bound = (half - 0.5 - z * sigma).rounded(.down)  // -infinity when confidence rounds to 1
        let c = bound >= 0 ? Int(bound) : -1
        let tails = { (c: Int) in 2 * NormalDistribution.cdf((Double(c) + 0.5 - half) / sigma) }
        if c >= 0 {
            self.init(k: c + 1, achievedConfidence: 1 - tails(c), isWidestPossible: false)
        } else {
            self.init(k: 1, achievedConfidence: max(0, 1 - tails(0)), isWidestPossible: true)
        }
    }

    private init(k: Int, achievedConfidence: Double, isWidestPossible: Bool) {
        self.k = k
        self.achievedConfidence = achievedConfidence
        self.isWidestPossible = isWidestPossible
    }
}
