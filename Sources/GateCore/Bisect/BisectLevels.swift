/// The error control of a noisy bisection: how many statistical tests it may make and the
/// level of each.
///
///     let levels = BisectLevels(alpha: 0.01, commits: 16)
///     levels.steps   // 4: ceil(log2(16)) commits tested at the most
///     levels.level   // 0.002: alpha / (4 + 1), the ends' test and each step's
///
/// A noisy bisection makes at most `steps + 1` tests: one of the ends (does the metric regress
/// from GOOD to BAD?) and one per step, `steps` = ceil(log2(commits)), the most plain
/// bisection needs. Each is tested at `level` = alpha / (steps + 1) (its looks split that
/// level further, `SequentialLooks`), so by the union bound (Bonferroni) the chance that any
/// test errs, and so that the bisection names a wrong commit, is at most `alpha`, under the
/// one-change assumption `NoisyStep` states. Commits skipped around (failed builds, crashes)
/// can make the search longer than `steps`: the test after the last one allowed is not made
/// and the bisection ends unsure, naming the range left. Exact metrics make no statistical
/// test and have no such limit.
///
/// Pure.
package struct BisectLevels: Sendable, Equatable {
    /// The chance, at most, of naming a wrong commit.
    package var alpha: Double
    /// The commits after GOOD up to BAD.
    package var commits: Int

    /// Levels for a bisection of `commits` commits at family-wise level `alpha`.
    package init(alpha: Double, commits: Int) {
        self.alpha = alpha
        self.commits = commits
    }

    /// The most steps (commits tested) the bisection may make: ceil(log2(commits)).
    package var steps: Int { BisectSearch.maxSteps(count: commits) }

    /// The level of each test: alpha / (steps + 1).
    package var level: Double { alpha / Double(steps + 1) }

    /// The error control in words, for the reports.
    package var statement: String {
        "each of at most \(steps + 1) tests (the ends and \(steps) step\(steps == 1 ? "" : "s")) at level "
            + "\(MetricFormat.pValue(level)) = \(MetricFormat.pValue(alpha))/\(steps + 1): at most \(MetricFormat.pValue(alpha)) "
            + "to name a wrong commit, assuming one change between the ends"
    }
}
