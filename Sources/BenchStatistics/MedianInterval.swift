/// A distribution-free confidence interval of the median from order statistics, for
/// display as "±4%" beside a median (`memgate show`).
///
///     MedianInterval.relativeHalfWidth(Array(1...100).map(Double.init))   // 0.2079...
///
/// Method. With the n values sorted, the interval is [x_(k+1), x_(n-k)] (1-based) with
/// k = max(0, floor((n - 1.96 sqrt(n)) / 2) - 1): the normal approximation to the binomial
/// count of values below the median, widened by one order statistic on each side, so it
/// covers the median with probability of at least about 95% for any continuous
/// distribution. Below about 6 values k is 0 and the interval is the full range. The result
/// is the larger distance from the median to either end, divided by |median|.
/// Reference: W. J. Conover, Practical Nonparametric Statistics, 3rd ed. (1999), section 3.2.
package enum MedianInterval {
    /// The interval's larger half-width relative to the median; `nil` for fewer than two
    /// values or a median of 0.
    ///
    /// - Complexity: O(n log n) (sorts a copy)
    package static func relativeHalfWidth(_ samples: [Double]) -> Double? {
        guard samples.count > 1 else { return nil }
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        guard median != 0 else { return nil }
        let k = max(0, Int(((n - 1.96 * n.squareRoot()) / 2).rounded(.down)) - 1)
        let lower = sorted[min(k, sorted.count - 1)]
        let upper = sorted[max(sorted.count - 1 - k, 0)]
        return max(median - lower, upper - median) / abs(median)
    }
}
