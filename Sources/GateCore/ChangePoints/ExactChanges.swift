/// Change points of an exact metric's series (allocation, retain and object counts, exact
/// custom metrics) whose runs are all stable (every sample of a run the same): such a metric
/// has no noise, so every run whose median differs from the previous run's starts a new
/// level. No statistics, no minimum number of runs: a change is seen in the first run after it.
///
///     ExactChanges.indices(in: [3, 3, 4, 4, 3])   // [2, 4]
///
/// Two medians differ when they differ by more than 1e-9 of the larger, the tolerance of
/// `Threshold` (per-op values are ratios of counts to iterations).
/// An exact metric whose samples vary within a run (a count that depends on scheduling) is
/// not stable: its runs move between processes, and `RankChanges` judges it like a noisy one.
package enum ExactChanges {
    /// The indices at which the value differs from the one before.
    package static func indices(in values: [Double]) -> [Int] {
        values.indices.dropFirst().filter { index in
            let previous = values[index - 1], value = values[index]
            return abs(value - previous) > 1e-9 * max(abs(previous), abs(value))
        }
    }
}
