import Testing
@testable import BenchStatistics

/// Untied samples, and the contract's edges. Tied samples: MannWhitneyUTiesTests.swift.
struct MannWhitneyUTests {
    func check(
        _ a: [Double], _ b: [Double], u: Double, p: Double, _ method: MannWhitneyU.Method,
        relative: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let result = MannWhitneyU.test(a, b) else {
            Issue.record("nil result", sourceLocation: sourceLocation)
            return
        }
        #expect(result.u == u, sourceLocation: sourceLocation)
        #expect(result.method == method, sourceLocation: sourceLocation)
        expectClose(result.pValue, p, relative: relative, sourceLocation: sourceLocation)
    }

    @Test func exactMatchesScipy() {
        // Each: python3 -c "from scipy.stats import mannwhitneyu as m;
        //   r = m(A, B, alternative='two-sided', method='exact'); print(r.statistic, repr(r.pvalue))"
        // with A, B as in the call (doubles(x...y) is list(range(x, y + 1)),
        // Array(stride(from: s, through: e, by: d)) is list(range(s, e + 1, d))).
        check([1, 2, 3], [4, 5, 6], u: 0, p: 0.1, .exact)  // fully separated: 2 / C(6, 3) = 0.1
        check([4, 5, 6], [1, 2, 3], u: 9, p: 0.1, .exact)  // the other direction: U = n1 n2
        check([1], [2], u: 0, p: 1, .exact)  // 1 vs 1: both outcomes equally extreme
        check([2], [1], u: 1, p: 1, .exact)
        check([1, 4, 5, 9, 12], [2, 3, 6, 7, 8, 10, 11], u: 16, p: 0.8762626262626263, .exact)
        check([2, 5], [1, 3, 4], u: 4, p: 0.8, .exact)
        check([1, 2, 3, 4], [5, 6, 7, 8, 9], u: 0, p: 0.015873015873015872, .exact)  // 2 / C(9, 4)
        check([3], [1, 2, 4, 5, 6, 7, 8, 9, 10], u: 2, p: 0.6000000000000001, .exact)
        check(doubles(1...10), doubles(11...20), u: 0, p: 1.082508822446903e-05, .exact)  // 2 / C(20, 10)
        check([1, 3, 5, 7, 9, 11, 13, 15, 17, 19], [2, 4, 6, 8, 10, 12, 14, 16, 18, 20], u: 45, p: 0.7393643508194593, .exact)
        check([1, 2, 3, 5, 8, 13, 14, 16, 17, 20], [4, 6, 7, 9, 10, 11, 12, 15, 18, 19], u: 44, p: 0.6842105263157896, .exact)
        check([0.81, 1.32, 2.07, 2.95, 3.4], [1.1, 1.93, 2.5, 3.86, 4.02, 4.6], u: 9, p: 0.32900432900432897, .exact)
        // n1 + n2 = 50, the largest exact case: 2 / C(50, 25).
        check(doubles(1...25), doubles(26...50), u: 0, p: 1.5821457204897228e-14, .exact)
        check(Array(stride(from: 1.0, through: 49, by: 2)), Array(stride(from: 2.0, through: 50, by: 2)),
              u: 300, p: 0.8175043412833242, .exact)
        // A random split of 1...50: python3 -c "import numpy as np;
        //   p = np.random.default_rng(7).permutation(50) + 1; print(sorted(p[:20]), sorted(p[20:]))"
        check(
            [1, 5, 7, 10, 11, 13, 20, 21, 23, 25, 27, 28, 29, 33, 37, 38, 46, 47, 48, 49],
            [2, 3, 4, 6, 8, 9, 12, 14, 15, 16, 17, 18, 19, 22, 24, 26, 30, 31, 32, 34, 35, 36, 39, 40, 41, 42, 43, 44, 45, 50],
            u: 308, p: 0.8830466366611424, .exact)
        check([15], doubles(1...14) + doubles(16...50), u: 14, p: 0.6, .exact)  // 1 vs 49: 2 * 15 / 50
    }

    @Test func normalMatchesScipyAboveTheExactLimit() {
        // Each: python3 -c "from scipy.stats import mannwhitneyu as m;
        //   r = m(A, B, alternative='two-sided', method='asymptotic'); print(r.statistic, repr(r.pvalue))"
        // (scipy's default continuity correction; A, B as written in the comment).
        // list(range(1,31)), list(range(31,61))
        check(doubles(1...30), doubles(31...60), u: 0, p: 3.019859359162157e-11, .normal)
        // list(range(1,100,2)), list(range(2,101,2))
        check(Array(stride(from: 1.0, through: 99, by: 2)), Array(stride(from: 2.0, through: 100, by: 2)),
              u: 1225, p: 0.8658764106823897, .normal)
        // [15], list(range(1,15))+list(range(16,61))
        check([15], doubles(1...14) + doubles(16...60), u: 14, p: 0.3864102609008919, .normal)
        // list(range(1,41)), list(range(21,61)): overlapping values are ties
        check(doubles(1...40), doubles(21...60), u: 200, p: 7.95695256282532e-09, .normal)
        // list(range(1,501)), list(range(501,1001)): deep tail, still not 0
        check(doubles(1...500), doubles(501...1000), u: 0, p: 5.856242913498941e-165, .normal, relative: 1e-9)
    }

    @Test func normalUsesTieCorrectedVariance() {
        // [i//3 for i in range(30)], [i//3+2 for i in range(30)]
        let triples = (0..<30).map { Double($0 / 3) }
        check(triples, triples.map { $0 + 2 }, u: 288, p: 0.016504477012993075, .normal)
        // [i//3 for i in range(30)], [i//3 for i in range(1,31)]
        check(triples, (1...30).map { Double($0 / 3) }, u: 421.5, p: 0.6774801908656067, .normal)
        // [1.0]*26, [2.0]*26: two tie groups, completely separated
        check(Array(repeating: 1, count: 26), Array(repeating: 2, count: 26), u: 0, p: 9.974069975033423e-13, .normal)
        // [7.0]*30, [7.0]*30: zero variance; scipy also says 1
        check(Array(repeating: 7, count: 30), Array(repeating: 7, count: 30), u: 450, p: 1, .normal)
    }

    @Test func emptyOrNaNSamplesHaveNoTest() {
        #expect(MannWhitneyU.test([], [1]) == nil)
        #expect(MannWhitneyU.test([1], []) == nil)
        #expect(MannWhitneyU.test([1, .nan], [2, 3]) == nil)
        #expect(MannWhitneyU.test([1, 2], [.nan]) == nil)
    }

    @Test func swappingSamplesMirrorsUAndKeepsP() {
        var random = SeededRandom(seed: 11)
        for (n1, n2) in [(3, 4), (10, 10), (7, 30), (40, 40)] {
            let a = (0..<n1).map { _ in random.nextGaussian() }
            let b = (0..<n2).map { _ in random.nextGaussian() + 0.5 }
            let ab = MannWhitneyU.test(a, b)!, ba = MannWhitneyU.test(b, a)!
            #expect(ab.u + ba.u == Double(n1 * n2))
            #expect(ab.pValue == ba.pValue)
        }
    }

    @Test func infinitiesRankAtTheEnds() {
        // Same ranks as [1, 2, 3] vs [4, 5, 6].
        check([-.infinity, 2, 3], [4, 5, .infinity], u: 0, p: 0.1, .exact)
    }

    @Test func smallestPValueIsCompleteSeparation() {
        func check(_ n1: Int, _ n2: Int, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            expectClose(MannWhitneyU.smallestPValue(n1: n1, n2: n2), expected, sourceLocation: sourceLocation)
        }
        check(1, 1, 1)  // 2 / C(2, 1) = 1
        check(1, 9, 0.2)  // 2 / C(10, 1)
        check(3, 3, 0.1)  // 2 / C(6, 3) = 2 / 20
        check(4, 4, 2.0 / 70)  // 2 / C(8, 4): the first equal n below 0.05
        check(5, 5, 2.0 / 252)  // 2 / C(10, 5): the first equal n below 0.01
        check(10, 10, 2.0 / 184_756)  // 2 / C(20, 10) = 1.0825e-05
        check(25, 25, 1.5821457204897228e-14)  // exact, as in exactMatchesScipy
        // Just above the limit the normal tail is larger than 25 vs 25's exact value:
        // python3 -c "from scipy.stats import norm; import math; n=26; M=n*n; print(2*norm.sf((M/2-0.5)/math.sqrt(M*(2*n+1)/12)))"
        check(26, 26, 6.547526643655622e-10)
        check(30, 30, 3.019859359162157e-11)  // normal, as in normalMatchesScipyAboveTheExactLimit
        check(500, 500, 5.856242913498941e-165)
        for (n1, n2) in [(2, 3), (6, 9), (10, 10), (20, 31), (60, 2)] {
            let a = (0..<n1).map(Double.init), b = (0..<n2).map { Double($0 + n1) }
            #expect(MannWhitneyU.smallestPValue(n1: n1, n2: n2) == MannWhitneyU.test(a, b)!.pValue)
        }
    }

    @Test func exactLimitIsFifty() {
        #expect(MannWhitneyU.exactLimit == 50)
        #expect(MannWhitneyU.test(doubles(1...25), doubles(26...50))!.method == .exact)
        #expect(MannWhitneyU.test(doubles(1...25), doubles(26...51))!.method == .normal)
    }
}
