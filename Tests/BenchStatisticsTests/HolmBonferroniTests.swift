import Testing
@testable import BenchStatistics

/// Reference: Holm's adjusted p-value of p_i is min(1, max over the sorted p(j) <= p_i of
/// (m - j + 1) p(j)), written independently in plain Python (statsmodels is not installed):
///
///     python3 -c "p=P; print([min(1, max((len(p)-k)*q for k,q in enumerate(sorted(p)) if q <= x)) for x in p])"
struct HolmBonferroniTests {
    func check(_ p: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let adjusted = HolmBonferroni.adjust(p)
        #expect(adjusted.count == expected.count, sourceLocation: sourceLocation)
        for (actual, want) in zip(adjusted, expected) {
            expectClose(actual, want, relative: 1e-15, sourceLocation: sourceLocation)
        }
    }

    @Test func matchesReference() {
        // Wikipedia's four hypotheses: 0.005 * 4, 0.01 * 3, 0.03 * 2 = 0.06, and 0.04 * 1
        // raised to 0.06 by monotonicity. Input order is kept.
        check([0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02])
        check([0.5, 0.2, 0.9], [1, 0.6000000000000001, 1])  // capped at 1
        check([0.02, 0.02, 0.04], [0.06, 0.06, 0.06])  // equal p-values, equal adjustments
        check([0.001], [0.001])  // a single test is not adjusted
        check([0.04, 0.001, 0.03, 0.012, 0.2, 0.0001], [0.09, 0.005, 0.09, 0.048, 0.2, 0.0006000000000000001])
        check([0, 1, 0.3], [0, 1, 0.6])
        check([], [])
    }

    @Test func adjustedValuesAreMonotoneAndNeverBelowRaw() {
        var random = SeededRandom(seed: 5)
        for m in [2, 10, 1000] {
            let p = (0..<m).map { _ in random.nextUniform() * random.nextUniform() }
            let adjusted = HolmBonferroni.adjust(p)
            for (raw, adj) in zip(p, adjusted) { #expect(adj >= raw && adj <= 1) }
            let order = p.indices.sorted { p[$0] < p[$1] }
            #expect(zip(order, order.dropFirst()).allSatisfy { adjusted[$0] <= adjusted[$1] })
            // Never more than Bonferroni: min(1, m p).
            for (raw, adj) in zip(p, adjusted) { #expect(adj <= min(1, Double(m) * raw)) }
        }
    }
}
