/// Order statistics of the n * m pairwise differences y[j] - x[i] of two sorted samples,
/// without materialising (or sorting) all of them.
///
/// The differences form a matrix whose rows (fixed i) increase with j and whose columns
/// (fixed j) decrease with i. Selection narrows a contiguous candidate range per row around
/// a pivot chosen as the weighted median of the row medians, which removes at least a
/// quarter of the candidates per round: D. B. Johnson and T. Mizoguchi, "Selecting the Kth
/// Element in X + Y and X1 + X2 + ... + Xm", SIAM Journal on Computing 7(2), 147-153 (1978).
/// Differences are always computed as `y[j] - x[i]`, so the pivot and the counts agree
/// bit for bit (rounding is monotone, which keeps rows and columns sorted).
struct PairwiseDifferences {
    /// The first sample, ascending (subtracted).
    let x: [Double]
    /// The second sample, ascending.
    let y: [Double]

    /// Wraps two samples sorted ascending. Neither may be empty or contain NaN.
    init(sortedX x: [Double], sortedY y: [Double]) {
        self.x = x
        self.y = y
    }

    /// The number of differences, n * m.
    var count: Int { x.count * y.count }

    /// The k-th smallest difference, k in 1...count (1-based, like an order statistic).
    ///
    /// - Complexity: O((n + m + n log n) log(n m))
    func kthSmallest(_ k: Int) -> Double {
        precondition((1...count).contains(k), "k out of range")
        let n = x.count, m = y.count
        // Candidates of row i are columns lo[i]..<hi[i]; everything left of lo[i] is known
        // to be below the answer, everything from hi[i] on is known to be above it.
        var lo = [Int](repeating: 0, count: n), hi = [Int](repeating: m, count: n)
        var remaining = n * m
        var rowMedians: [(value: Double, weight: Int)] = []
        rowMedians.reserveCapacity(n)
        var less = [Int](repeating: 0, count: n), atMost = [Int](repeating: 0, count: n)
        while remaining > max(64, n + m) {
            rowMedians.removeAll(keepingCapacity: true)
            for i in 0..<n where hi[i] > lo[i] {
                rowMedians.append((y[(lo[i] + hi[i]) / 2] - x[i], hi[i] - lo[i]))
            }
            rowMedians.sort { $0.value < $1.value }
            var cumulative = 0, pivot = rowMedians[rowMedians.count - 1].value
            for entry in rowMedians {
                cumulative += entry.weight
                if 2 * cumulative >= remaining { pivot = entry.value; break }
            }
            // Count, per row, the differences below and not above the pivot. Both counts
            // only grow with i, so one pass of two pointers suffices.
            var jLess = 0, jAtMost = 0, totalLess = 0, totalAtMost = 0
            for i in 0..<n {
                while jLess < m && y[jLess] - x[i] < pivot { jLess += 1 }
                while jAtMost < m && y[jAtMost] - x[i] <= pivot { jAtMost += 1 }
                less[i] = jLess
                atMost[i] = jAtMost
                totalLess += jLess
                totalAtMost += jAtMost
            }
            if k <= totalLess {
                for i in 0..<n { hi[i] = min(hi[i], less[i]) }
            } else if k > totalAtMost {
                for i in 0..<n { lo[i] = max(lo[i], atMost[i]) }
            } else {
                return pivot
            }
            remaining = zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 }
        }
        var candidates: [Double] = []
        candidates.reserveCapacity(remaining)
        for i in 0..<n where hi[i] > lo[i] {
            for j in lo[i]..<hi[i] { candidates.append(y[j] - x[i]) }
        }
        candidates.sort()
        let below = lo.reduce(0, +)
        return candidates[k - below - 1]
    }
}
