import Testing
@testable import BenchStatistics

struct UNullDistributionTests {
    @Test func binomialCoefficients() {
        func check(_ n: Int, _ k: Int, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(UNullDistribution.binomial(n, k) == expected, sourceLocation: sourceLocation)
        }
        // python3 -c "from math import comb; print(comb(6,3), comb(20,10), comb(50,25), comb(56,28))"
        check(6, 3, 20)
        check(20, 10, 184_756)
        check(50, 25, 126_410_606_437_752)
        check(56, 28, 7_648_690_600_760_440)  // still exact: below 2^53
        check(5, 0, 1)
        check(5, 5, 1)
        check(5, 6, 0)
        check(5, -1, 0)
    }

    @Test func distinctCountsAreTheUDistribution() {
        func check(_ n1: Int, _ n2: Int, _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
            let counts = UNullDistribution.distinctCounts(n1: n1, n2: n2, through: n1 * n2)
            #expect(counts == expected, sourceLocation: sourceLocation)
        }
        // python3 -c "
        // from itertools import combinations
        // def u(n1, n2):
        //     c = [0] * (n1 * n2 + 1)
        //     for s in combinations(range(1, n1 + n2 + 1), n1): c[sum(s) - n1 * (n1 + 1) // 2] += 1
        //     return c
        // print(u(1, 1), u(2, 2), u(3, 3), u(2, 4), u(4, 2))"
        check(1, 1, [1, 1])
        check(2, 2, [1, 1, 2, 1, 1])
        check(3, 3, [1, 1, 2, 3, 3, 3, 3, 2, 1, 1])
        check(2, 4, [1, 1, 2, 2, 3, 2, 2, 1, 1])
        check(4, 2, [1, 1, 2, 2, 3, 2, 2, 1, 1])  // symmetric in (n1, n2)
    }

    @Test func countsSumToTheNumberOfSplits() {
        for (n1, n2) in [(1, 1), (5, 5), (10, 10), (3, 47), (25, 25)] {
            let counts = UNullDistribution.distinctCounts(n1: n1, n2: n2, through: n1 * n2)
            #expect(counts.reduce(0, +) == UNullDistribution.binomial(n1 + n2, n1))
            #expect(counts == counts.reversed())  // symmetric about n1 n2 / 2
        }
    }

    @Test func truncationKeepsTheLowerCoefficients() {
        let full = UNullDistribution.distinctCounts(n1: 10, n2: 10, through: 100)
        #expect(UNullDistribution.distinctCounts(n1: 10, n2: 10, through: 7) == Array(full[0...7]))
    }

    @Test func tiedCountsForOneTieGroup() {
        // Everything tied: every one of the C(N, n1) splits has 2U = n1 n2.
        let counts = UNullDistribution.tiedCounts(n1: 3, n2: 4, tieGroupSizes: [7])
        #expect(counts[12] == 35)
        #expect(counts.reduce(0, +) == 35)
    }

    @Test func tiedCountsByHand() {
        // Pooled values x, x, y (x < y), first sample of size 1: it is an x in 2 of 3 splits
        // (2U = 1: tie with the other x, below y) and the y in 1 (2U = 4: above both).
        #expect(UNullDistribution.tiedCounts(n1: 1, n2: 2, tieGroupSizes: [2, 1]) == [0, 2, 0, 0, 1])
    }
}
