/// The totals one kept sample measured. Per-op values are computed, never stored.
struct SampleRecord: Sendable {
    /// Iterations of the loop body in this sample.
    var iterations: Int
    /// Wall-clock duration of the sample.
    var nanoseconds: UInt64
    /// CPU time (user + system, all threads) during the sample.
    var cpuNanoseconds: UInt64
    /// Allocations, frees and requested bytes during the sample (all threads).
    var allocations: UInt64
    var frees: UInt64
    var bytes: UInt64
    /// Peak RSS during the sample and its growth over the RSS at the sample's start.
    var peakRSS: UInt64?
    var rssGrowth: UInt64?
    /// User-space instructions retired by the loop's thread, where perf events are allowed.
    var instructions: UInt64?
    /// Latency quantiles of this sample's timed units, in `MetricID.latencyQuantiles` order.
    var quantiles: [Double]

    /// Wall-clock time per op: nanoseconds / iterations.
    var nanosecondsPerOp: Double { Double(nanoseconds) / Double(iterations) }
    /// CPU time per op: cpuNanoseconds / iterations.
    var cpuNanosecondsPerOp: Double { Double(cpuNanoseconds) / Double(iterations) }
    /// Allocations per op: allocations / iterations.
    var allocationsPerOp: Double { Double(allocations) / Double(iterations) }
    /// Frees per op: frees / iterations.
    var freesPerOp: Double { Double(frees) / Double(iterations) }
    /// Requested bytes per op: bytes / iterations.
    var bytesPerOp: Double { Double(bytes) / Double(iterations) }
    /// Instructions per op: instructions / iterations.
    var instructionsPerOp: Double? { instructions.map { Double($0) / Double(iterations) } }
    /// Net blocks retained per op: (allocations - frees) / iterations; negative when the
    /// sample freed blocks allocated before it.
    var retainedPerOp: Double { (Double(allocations) - Double(frees)) / Double(iterations) }
}
