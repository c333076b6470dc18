/// The ranks of a sample's values among themselves, ties sharing the mean of the ranks they
/// span (mid-ranks), as the rank tests use them.
///
///     MidRanks.of([30, 10, 20, 10])   // [4, 1.5, 3, 1.5]
///
/// Ranks run from 1 (the smallest) to n and always sum to n (n + 1) / 2. Values are compared
/// with `<` and `==`; callers reject NaN first.
package enum MidRanks {
    /// The mid-rank of each value of `values`, in the input order; empty for no values.
    ///
    /// - Complexity: O(n log n) (sorts the indices).
    package static func of(_ values: [Double]) -> [Double] {
        withPattern(values).ranks
    }

    /// The mid-ranks of `values` and the same ranks in ascending order: the tie pattern
    /// (`[1, 2, ..., n]` when no two values are equal), which is all a rank test's
    /// permutation distribution depends on.
    ///
    /// - Complexity: O(n log n) (one sort of the indices).
    package static func withPattern(_ values: [Double]) -> (ranks: [Double], pattern: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var pattern = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            // Positions start...end (0-based) hold equal values: ranks start + 1 ... end + 1.
            let rank = Double(start + end + 2) / 2
            for position in start...end {
                ranks[order[position]] = rank
                pattern[position] = rank
            }
            start = end + 1
        }
        return (ranks, pattern)
    }
}
