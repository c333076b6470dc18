/// How `memgate refs` settles what its first rounds leave inconclusive: it looks again.
///
///     let looks = SequentialLooks(alpha: 0.01, settling: true)
///     looks.level(look: 0)    // 0.005: the first rounds, every benchmark
///     looks.level(look: 1)    // 0.00125: each later look, only the benchmarks still open
///
/// After the first rounds, every benchmark with an inconclusive row (a noisy metric beyond
/// its threshold, but not significantly so) runs more rounds, interleaved as before, and
/// only those benchmarks are compared again; up to `maxExtraLooks` times, while the time
/// budget lasts. A benchmark is settled at the look that decides it (regression, pass or
/// improvement) and keeps that verdict.
///
/// Error control: look `k` tests its family (Holm, across the benchmarks it compares) at
/// level `alpha_k`, with `alpha_0 = alpha / 2` and `alpha_k = alpha / (2 * maxExtraLooks)`
/// for `k >= 1`, so the levels sum to `alpha`. By the union bound the chance of any false
/// regression over all looks is at most `alpha`, whatever the dependence between looks
/// (later looks reuse earlier rounds). This is the Bonferroni form of alpha spending:
/// cruder than a Pocock or O'Brien-Fleming boundary, but it needs no assumption about how
/// the statistic evolves, and the U test's p-values are not normal-theory. Without
/// settling (`--max-time 0`) the single look uses all of `alpha`.
///
/// Pure: no process work.
package struct SequentialLooks: Sendable, Equatable {
    /// Looks after the first at the most.
    package static let maxExtraLooks = 4
    /// A look adds at most this many times the rounds run so far.
    package static let growth = 3

    /// The family-wise significance level over all looks.
    package var alpha: Double
    /// Whether later looks may happen at all.
    package var settling: Bool

    /// Creates a value from its properties (see each property).
    package init(alpha: Double, settling: Bool) {
        self.alpha = alpha
        self.settling = settling
    }

    /// The significance level of look `look` (0 is the first rounds).
    package func level(look: Int) -> Double {
        guard settling else { return alpha }
        return look == 0 ? alpha / 2 : alpha / Double(2 * Self.maxExtraLooks)
    }

    /// The benchmarks of `report` with an inconclusive row, in report order.
    package static func open(in report: Report) -> [String] {
        report.benchmarks.filter { $0.metrics.contains { $0.verdict == .inconclusive } }.map(\.name)
    }

    /// How many more rounds the next look should run, or 0 when it should not happen.
    ///
    /// - Parameters:
    ///   - report: the last look's report.
    ///   - roundsSoFar: the rounds every open benchmark has run.
    ///   - minimum: the fewest extra rounds worth a look (the initial round count: each
    ///     look at least doubles the evidence, since the "needs ~N" estimate comes from a
    ///     noisy effect size).
    ///   - affordable: the most extra rounds the time budget allows.
    /// - Returns: the largest "needs ~N samples per side" among the open rows minus
    ///   `roundsSoFar`, at least `minimum`, at most `growth` times `roundsSoFar` (the
    ///   estimate treats a nearly nil observed effect as the truth and can ask for hundreds
    ///   of rounds that a few more would have settled: looks grow geometrically instead) and
    ///   at most `affordable`; 0 when that is below `minimum` and below the need (a look
    ///   that cannot settle anything is not made).
    package static func nextRounds(report: Report, roundsSoFar: Int, minimum: Int, affordable: Int) -> Int {
        let needed = report.benchmarks.flatMap(\.metrics).filter { $0.verdict == .inconclusive }
            .compactMap(\.samplesNeeded).max() ?? (roundsSoFar + minimum)
        let wanted = min(max(needed - roundsSoFar, minimum), max(growth * roundsSoFar, minimum))
        let rounds = min(wanted, affordable)
        return rounds >= min(minimum, wanted) && rounds > 0 ? rounds : 0
    }

    /// `report` with the entries of the benchmarks `later` compared replaced by `later`'s.
    package static func merge(_ report: Report, with later: Report) -> Report {
        var merged = report
        let replacements = Dictionary(later.benchmarks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        merged.benchmarks = report.benchmarks.map { replacements[$0.name] ?? $0 }
        return merged
    }
}
