/// The range of a sample with its most extreme values set aside: the k-th smallest and the
/// k-th largest value, with k from `rank(count:)` (3 of 10 samples, 2 of 3 to 7).
///
///     TrimmedRange([479, 10_000, 10_000, 10_000])  // lower 10_000, upper 10_000 (k = 2)
///
/// Moving `lower` below the (k+1)-th smallest value, or `upper` above the (k+1)-th largest,
/// takes k samples: with three or more samples no single one decides either end (a first
/// sample carrying one-time lazy allocations, one sample where a slow path was not taken).
/// Below three samples nothing better than the full range is possible (k = 1).
package struct TrimmedRange: Equatable, Sendable {
    /// The k-th smallest value.
    package let lower: Double
    /// The k-th largest value.
    package let upper: Double
    /// k: how many samples must move to move either end past its neighbour.
    package let rank: Int

    /// k for a sample of `count` values: 1 below three values, else the larger of 2 and a
    /// quarter of the values plus one (2 for 3-7 values, 3 for 8-11, 6 for 20). Never
    /// beyond the median's position, so `lower <= upper`.
    package static func rank(count: Int) -> Int {
        count >= 3 ? max(2, count / 4 + 1) : 1
    }

    /// The trimmed range of `values`, or `nil` when there are none.
    ///
    /// - Complexity: O(n log n) (sorts a copy)
    package init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let k = Self.rank(count: sorted.count)
        self.init(lower: sorted[k - 1], upper: sorted[sorted.count - k], rank: k)
    }

    /// A trimmed range from its parts (tests).
    package init(lower: Double, upper: Double, rank: Int) {
        self.lower = lower
        self.upper = upper
        self.rank = rank
    }
}
