import Testing
@testable import BenchStatistics

/// Tied samples in exact mode: the p-value is the permutation p-value conditional on ties.
///
/// Python reference (brute force: every way to choose which pooled observations form the
/// first sample; p = share of choices with |2U - n1 n2| >= the observed one). Saved as
/// brute.py:
///
///     from itertools import combinations
///     from fractions import Fraction
///     def du(A, B): return sum(2 * (x > y) + (x == y) for x in A for y in B)
///     def brute(a, b):
///         pool, n1, m = a + b, len(a), len(a) * len(b)
///         d = abs(du(a, b) - m)
///         hits = total = 0
///         for s in combinations(range(len(pool)), n1):
///             chosen = set(s)
///             A = [pool[i] for i in s]; B = [pool[i] for i in range(len(pool)) if i not in chosen]
///             hits += abs(du(A, B) - m) >= d; total += 1
///         return du(a, b) / 2, Fraction(hits, total), float(Fraction(hits, total))
///
/// Each case: python3 -c "from brute import brute; print(brute(A, B))".
struct MannWhitneyUTiesTests {
    func check(_ a: [Double], _ b: [Double], u: Double, p: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let result = MannWhitneyU.test(a, b) else {
            Issue.record("nil result", sourceLocation: sourceLocation)
            return
        }
        #expect(result.u == u, sourceLocation: sourceLocation)
        #expect(result.method == .exact, sourceLocation: sourceLocation)
        expectClose(result.pValue, p, relative: 1e-12, sourceLocation: sourceLocation)
    }

    @Test func matchesBruteForceEnumeration() {
        check([1, 1, 1], [1, 1, 1], u: 4.5, p: 1)  // all identical: nothing to see
        check([5, 5, 5, 5, 5], [5, 5, 5, 5, 5], u: 12.5, p: 1)
        check([1, 2, 2], [2, 3, 3], u: 1, p: 0.3)  // Fraction(3, 10)
        check([1, 1, 2], [2, 3, 3, 3], u: 0.5, p: 0.08571428571428572)  // Fraction(3, 35)
        check([4096, 4096, 8192], [8192, 8192, 12288, 12288], u: 1, p: 0.17142857142857143)  // RSS in pages: 6/35
        // Separated but tied within each side: only 1 of C(10, 5) = 252 choices puts all the
        // 1s first, 1 more all the 2s: 2/252, the same as untied complete separation.
        check([1, 1, 1, 1, 1], [2, 2, 2, 2, 2], u: 0, p: 0.007936507936507936)
        check([1, 2, 3, 3], [3, 3, 4, 5, 6], u: 2, p: 0.07936507936507936)  // Fraction(5, 63)
        check([7], [7, 7, 8], u: 1, p: 1)
        check([2, 2], [1, 3], u: 2, p: 1)  // U = n1 n2 / 2 exactly
        // 10 vs 10 with ties: Fraction(337, 46189)
        check(
            [10, 10, 11, 12, 12, 12, 13, 14, 14, 15], [12, 13, 13, 14, 15, 15, 16, 16, 17, 18],
            u: 15.5, p: 0.007296109463292125)
    }

    /// The same enumeration in Swift, for many random tie patterns.
    static func bruteForce(_ a: [Double], _ b: [Double]) -> Double {
        let pool = a + b, n1 = a.count, m = a.count * b.count
        func doubledU(_ inA: [Bool]) -> Int {
            var sum = 0
            for i in pool.indices where inA[i] {
                for j in pool.indices where !inA[j] {
                    sum += pool[i] > pool[j] ? 2 : (pool[i] == pool[j] ? 1 : 0)
                }
            }
            return sum
        }
        let observed = abs(doubledU(pool.indices.map { $0 < n1 }) - m)
        var hits = 0, total = 0
        for mask in 0..<(1 << pool.count) where mask.nonzeroBitCount == n1 {
            let inA = pool.indices.map { mask & (1 << $0) != 0 }
            total += 1
            if abs(doubledU(inA) - m) >= observed { hits += 1 }
        }
        return Double(hits) / Double(total)
    }

    @Test func matchesSwiftBruteForceOnRandomTiePatterns() {
        var random = SeededRandom(seed: 2024)
        for _ in 0..<200 {
            let n1 = Int.random(in: 1...6, using: &random), n2 = Int.random(in: 1...6, using: &random)
            let levels = Int.random(in: 1...5, using: &random)  // few distinct values: many ties
            let shift = Int.random(in: 0...2, using: &random)
            let a = (0..<n1).map { _ in Double(Int.random(in: 0..<levels, using: &random)) }
            let b = (0..<n2).map { _ in Double(Int.random(in: 0..<levels, using: &random) + shift) }
            let p = MannWhitneyU.test(a, b)!.pValue
            expectClose(p, Self.bruteForce(a, b), relative: 1e-12)
        }
    }

    @Test func falsePositiveRateUnderTheNullWithHeavyTies() {
        // Both samples from the same 4-valued distribution (like RSS in a few page counts).
        // Conditional on the tie pattern the exact test has size <= alpha, so at most about
        // 5% of 2,000 trials may reach p < 0.05 (standard error 0.5 percentage points).
        var random = SeededRandom(seed: 31)
        var rejections = 0
        for _ in 0..<2000 {
            let a = (0..<10).map { _ in Double(Int.random(in: 0..<4, using: &random)) }
            let b = (0..<10).map { _ in Double(Int.random(in: 0..<4, using: &random)) }
            if MannWhitneyU.test(a, b)!.pValue < 0.05 { rejections += 1 }
        }
        let rate = Double(rejections) / 2000
        #expect(rate > 0.025 && rate < 0.06, "rate \(rate)")
    }

    @Test func identicalValuesAlwaysGiveOne() {
        for (n1, n2) in [(1, 1), (1, 5), (3, 3), (10, 10), (25, 25), (5, 40), (100, 100)] {
            let result = MannWhitneyU.test(Array(repeating: 42, count: n1), Array(repeating: 42, count: n2))!
            #expect(result.pValue == 1, "\(n1) vs \(n2)")
            #expect(result.u == Double(n1 * n2) / 2)
        }
    }

    @Test func tiedDistributionWithoutTiesMatchesHarding() {
        // The tie-pattern DP with all groups of size 1 must reproduce the Gaussian binomial
        // counts (every second entry: 2U is even without ties).
        for (n1, n2) in [(1, 1), (1, 4), (3, 5), (6, 6), (10, 10), (7, 13)] {
            let tied = UNullDistribution.tiedCounts(n1: n1, n2: n2, tieGroupSizes: Array(repeating: 1, count: n1 + n2))
            let distinct = UNullDistribution.distinctCounts(n1: n1, n2: n2, through: n1 * n2)
            #expect(stride(from: 0, to: tied.count, by: 2).map { tied[$0] } == distinct, "\(n1) vs \(n2)")
            #expect(stride(from: 1, to: tied.count, by: 2).allSatisfy { tied[$0] == 0 })
        }
    }
}
