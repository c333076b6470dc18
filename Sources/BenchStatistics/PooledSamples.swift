/// Two samples pooled and ranked together: the Mann-Whitney statistic of the first sample
/// and the pattern of ties, which is all the U test and its null distribution need.
///
/// Values are compared with `<` and `==`; "tied" means exactly equal. Callers reject NaN
/// first (NaN has no place in an ordering).
struct PooledSamples {
    /// Size of the first sample.
    let n1: Int
    /// Size of the second sample.
    let n2: Int
    /// 2U, where U counts pairs (a, b) with a > b, plus 1/2 for each pair with a == b.
    /// Doubled so that it is an integer. Equivalently 2U = (sum of the doubled mid-ranks of
    /// the first sample) - n1 (n1 + 1).
    let doubledU: Int
    /// Sizes of the runs of equal values in the pooled, ascending order (a value that
    /// occurs once is a run of 1). They sum to n1 + n2.
    let tieGroupSizes: [Int]

    /// True when some value occurs more than once in the pooled sample.
    var hasTies: Bool { tieGroupSizes.count < n1 + n2 }

    /// Sum over tie groups of t^3 - t, the quantity in the tie-corrected variance of U.
    var tieCubeSum: Double {
        tieGroupSizes.reduce(0.0) { sum, t in sum + Double(t) * Double(t) * Double(t) - Double(t) }
    }

    /// Pools `a` and `b`. Neither may contain NaN.
    ///
    /// - Complexity: O(N log N) for N = a.count + b.count (two sorts and a merge).
    init(_ a: [Double], _ b: [Double]) {
        let a = a.sorted(), b = b.sorted()
        n1 = a.count
        n2 = b.count
        var groups: [Int] = []
        groups.reserveCapacity(n1 + n2)
        var doubled = 0
        var i = 0, j = 0, bBelow = 0
        while i < a.count || j < b.count {
            // The smallest value not yet consumed, and how many of each sample equal it.
            let value = j == b.count || (i < a.count && a[i] < b[j]) ? a[i] : b[j]
            var inA = 0, inB = 0
            while i < a.count && a[i] == value { i += 1; inA += 1 }
            while j < b.count && b[j] == value { j += 1; inB += 1 }
            // Each first-sample value beats every smaller second-sample value (2 each,
            // doubled) and half-beats every equal one (1 each, doubled).
            doubled += inA * (2 * bBelow + inB)
            bBelow += inB
            groups.append(inA + inB)
        }
        doubledU = doubled
        tieGroupSizes = groups
    }
}
