/// Chooses how many iterations the next calibration run should do so that it lasts
/// about `targetNanoseconds` (see Go's `predictN`). Pure, so its clamps are tested.
///
/// - Parameters:
///   - targetNanoseconds: the duration wanted.
///   - previousIterations: iterations of the last run (>= 1).
///   - previousNanoseconds: how long that run took.
///   - maximum: an upper bound on iterations (guards against a body the optimizer
///     emptied, which would otherwise ask for billions).
/// - Returns: a count in `previousIterations + 1 ... maximum` when growth is possible,
///   never more than 100 times the previous count.
func predictIterations(
    targetNanoseconds: UInt64, previousIterations: Int, previousNanoseconds: UInt64, maximum: Int
) -> Int {
    let previous = max(1, previousIterations)
    // Dodge division by zero: a run too quick for the clock counts as 1 ns.
    let elapsed = Double(max(1, previousNanoseconds))
    // Aim 20% past the target so the last calibration run usually reaches it.
    var predicted = Double(targetNanoseconds) * 1.2 * Double(previous) / elapsed
    // Grow at most 100x per step: the first runs are noisy (cold caches, lazy globals).
    predicted = min(predicted, Double(previous) * 100)
    // Always grow by at least one, so calibration terminates.
    predicted = max(predicted, Double(previous + 1))
    return min(Int(predicted), max(maximum, previous + 1))
}

/// Iterations per timed unit for latency quantiles: 1 (each iteration timed alone) when
/// an iteration lasts at least `resolutionNanoseconds`, else enough iterations that a
/// batch lasts that long, so the clock's ~20 ns never dominates what it measures.
func latencyBatchSize(nanosecondsPerIteration: Double, resolutionNanoseconds: Double) -> Int {
    guard nanosecondsPerIteration.isFinite, nanosecondsPerIteration > 0 else { return 1 }
    if nanosecondsPerIteration >= resolutionNanoseconds { return 1 }
    return Int((resolutionNanoseconds / nanosecondsPerIteration).rounded(.up))
}
