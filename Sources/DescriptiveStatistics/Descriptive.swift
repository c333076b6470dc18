/// Descriptive statistics of a sample: the summaries BenchResults stores and the gate prints.
///
/// All functions take the sample as given (no outlier removal) and assume only that its
/// values are finite. Quantiles use linear interpolation between order statistics
/// (Hyndman and Fan type 7, the default of R's `quantile` and NumPy's `percentile`).
package enum Descriptive {
    /// The arithmetic mean, or `nil` for an empty sample. Finite for finite values, even
    /// where their sum overflows (values near 1e308).
    ///
    /// - Complexity: O(n)
    package static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let count = Double(values.count)
        let sum = values.reduce(0, +)
        return sum.isFinite ? sum / count : values.reduce(0) { $0 + $1 / count }
    }

    /// The sample standard deviation (divisor n - 1), or `nil` for fewer than two values.
    ///
    /// - Complexity: O(n)
    package static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The `p` quantile (0 <= p <= 1) by linear interpolation (type 7), or `nil` when empty.
    ///
    /// `quantile(v, 0.5)` is the median; `quantile(v, 0)` and `quantile(v, 1)` are the
    /// minimum and maximum. Traps if `p` is outside 0...1.
    ///
    /// - Complexity: O(n log n) (sorts a copy)
    package static func quantile(_ values: [Double], _ p: Double) -> Double? {
        precondition((0...1).contains(p), "quantile probability must be in 0...1")
        guard !values.isEmpty else { return nil }
        return quantile(sorted: values.sorted(), p)
    }

    /// The `p` quantile of values already sorted ascending (type 7 interpolation).
    package static func quantile(sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// The median (mean of the two middle values for an even count), or `nil` when empty.
    package static func median(_ values: [Double]) -> Double? { quantile(values, 0.5) }

    /// The spread of a sample: half the range between its 5th and 95th percentiles, relative
    /// to the magnitude of its median (0.012 for a middle 90% of values spanning ±1.2%);
    /// `nil` when the sample is empty or its median is 0. What BenchKit's summary table and
    /// `memgate calibrate` print as "±x%" beside a median (not an interval: the sample's own
    /// width, which more samples do not narrow).
    ///
    /// - Complexity: O(n log n) (sorts a copy)
    package static func relativeSpread(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard let median = quantile(sorted: sorted, 0.5), median != 0 else { return nil }
        return (quantile(sorted: sorted, 0.95)! - quantile(sorted: sorted, 0.05)!) / 2 / abs(median)
    }
}
