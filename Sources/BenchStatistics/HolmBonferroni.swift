/// Holm's step-down correction of p-values for multiple comparisons.
///
///     HolmBonferroni.adjust([0.01, 0.04, 0.03])   // [0.03, 0.06, 0.06]
///
/// Rejecting every hypothesis whose adjusted p-value is <= alpha controls the family-wise
/// error rate (the chance of any false rejection) at alpha, under any dependence between
/// the tests, and never rejects less than the plain Bonferroni correction. Reference:
/// S. Holm, "A Simple Sequentially Rejective Multiple Test Procedure", Scandinavian Journal
/// of Statistics 6(2), 65-70 (1979). Matches R's `p.adjust(p, "holm")` and statsmodels'
/// `multipletests(p, method="holm")`.
package enum HolmBonferroni {
    /// Holm-adjusted p-values, in the input order.
    ///
    /// With p sorted ascending as p(1) <= ... <= p(m), the adjusted value of p(i) is
    /// max over j <= i of min(1, (m - j + 1) p(j)): monotone in p, never below the raw
    /// value, capped at 1. Equal p-values get equal adjusted values. An empty input gives
    /// an empty output. Traps if a value is outside 0...1 or NaN.
    ///
    /// - Complexity: O(m log m)
    package static func adjust(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { (0...1).contains($0) }, "p-values must be in 0...1")
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var runningMax = 0.0
        for (rank, index) in order.enumerated() {
            runningMax = max(runningMax, min(1, Double(m - rank) * pValues[index]))
            adjusted[index] = runningMax
        }
        return adjusted
    }
}
