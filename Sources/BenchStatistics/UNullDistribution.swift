/// Exact null distributions of the Mann-Whitney statistic, as counts of the equally likely
/// ways to choose which n1 of the N = n1 + n2 pooled observations form the first sample.
///
/// Counts are whole numbers held in `Double`; they are exact while they stay below 2^53,
/// which holds for every N <= 56 (C(56, 28) is about 7.6e15). `MannWhitneyU.exactLimit`
/// keeps callers well inside that.
enum UNullDistribution {
    /// C(n, k) as a `Double` (exact for n <= 56, a close approximation beyond).
    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1.0
        if k > 0 {
            // Each partial product is itself a binomial coefficient, hence an integer.
            for i in 1...k { result = result * Double(n - k + i) / Double(i) }
        }
        return result
    }

    /// Counts of U = 0...limit when the pooled values are all distinct.
    ///
    /// The generating function of U is the Gaussian binomial coefficient
    /// [n1 + n2 choose n1]_q = prod_{i=1}^{s} (1 - q^(l+i)) / (1 - q^i), with s and l the
    /// smaller and larger sample size. Each factor is applied in place, in O(limit): see
    /// E. F. Harding, "An Efficient, Minimal-Storage Procedure for Calculating the
    /// Mann-Whitney U, Generalized U and Similar Distributions", Applied Statistics 33(1),
    /// 1-6 (1984). Both steps only read lower coefficients, so truncating at `limit` is
    /// exact; the distribution is symmetric about n1 n2 / 2, so half of it is enough.
    ///
    /// - Complexity: O(min(n1, n2) * limit)
    static func distinctCounts(n1: Int, n2: Int, through limit: Int) -> [Double] {
        let small = min(n1, n2), large = max(n1, n2)
        var coefficients = [Double](repeating: 0, count: limit + 1)
        coefficients[0] = 1
        guard small > 0 else { return coefficients }
        coefficients.withUnsafeMutableBufferPointer { f in
            for i in 1...small {
                let up = large + i
                if up <= limit {
                    // Multiply by (1 - q^up): downwards, so each step reads an old coefficient.
                    for s in stride(from: limit, through: up, by: -1) { f[s] -= f[s - up] }
                }
                if i <= limit {
                    // Divide by (1 - q^i), i.e. multiply by 1 + q^i + q^2i + ...: upwards.
                    for s in i...limit { f[s] += f[s - i] }
                }
            }
        }
        return coefficients
    }

    /// Counts of 2U = 0...2 n1 n2 given the pooled tie pattern.
    ///
    /// Conditional on the tie pattern, every choice of which n1 pooled observations belong
    /// to the first sample is equally likely under the null hypothesis. Walking the tie
    /// groups in ascending order with state (a = first-sample members chosen so far,
    /// s = 2U so far), choosing k of a group of t adds k * (2 * bBelow + (t - k)) to 2U,
    /// where bBelow = (observations before the group) - a, and there are C(t, k) ways.
    /// This is a counting ("shift") algorithm over doubled, integer mid-ranks in the spirit
    /// of B. Streitberg and J. Roehmel, "Exact distributions for permutation and rank tests:
    /// an introduction to some recently published algorithms", Statistical Software
    /// Newsletter 12(1), 10-17 (1986).
    ///
    /// - Parameter tieGroupSizes: run lengths of equal values in ascending order, summing
    ///   to n1 + n2 (all 1 when there are no ties).
    /// - Complexity: O(N * n1 * n1 * n2) in the worst case; about 1e4 steps for 10 vs 10.
    static func tiedCounts(n1: Int, n2: Int, tieGroupSizes: [Int]) -> [Double] {
        let width = 2 * n1 * n2 + 1, size = (n1 + 1) * width
        // Two tables of (n1 + 1) rows (a) by `width` columns (2U), used alternately.
        var tables = [Double](repeating: 0, count: 2 * size)
        var current = 0  // offset of the table holding the distribution so far
        tables.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            base[0] = 1
            var before = 0
            for t in tieGroupSizes {
                let after = before + t
                let f = base + current, g = base + (size - current)
                // Zero exactly the entries of g this group can reach (and the next reads).
                for a in max(0, after - n2)...min(after, n1) {
                    (g + a * width).update(repeating: 0, count: 2 * a * (after - a) + 1)
                }
                for a in max(0, before - n2)...min(before, n1) {
                    let bBelow = before - a
                    let count = 2 * a * bBelow + 1
                    let from = f + a * width
                    for k in max(0, t - (n2 - bBelow))...min(t, n1 - a) {
                        let ways = binomial(t, k)
                        let shift = k * (2 * bBelow + t - k)
                        // 2a bBelow + shift <= 2(a + k)(bBelow + t - k): the row never overflows.
                        assert(shift + count <= width, "2U out of range")
                        let to = g + (a + k) * width + shift
                        for s in 0..<count { to[s] += ways * from[s] }
                    }
                }
                before = after
                current = size - current
            }
        }
        let last = current + n1 * width
        return Array(tables[last..<(last + width)])
    }
}
