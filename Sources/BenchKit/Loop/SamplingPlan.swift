/// How a benchmark's loop is sampled: the resolved settings the sampler follows.
struct SamplingPlan: Sendable {
    /// Samples kept in the results (>= 1).
    var samples: Int
    /// Samples run after calibration and dropped.
    var warmupSamples: Int
    /// Wanted duration of one sample.
    var sampleNanoseconds: UInt64
    /// Iterations per sample never exceed this (guards against emptied bodies).
    var maxIterations: Int
    /// Shortest timed unit for latency quantiles: iterations shorter than this are timed
    /// in batches. 2 µs keeps the clock (~20 ns a read) under ~1% of what it times.
    var latencyResolutionNanoseconds: Double = 2_000
    /// Whether to measure peak RSS per sample (costs ~50 µs per sample, outside timing).
    var measureMemory: Bool = true
    /// Iterations of the reference-counting pass after the kept samples (at most one
    /// sample's); 0 for none. See `ARCPass`.
    var arcPassIterations: Int = 0
    /// Iterations of the allocation-site pass after the reference-counting pass (N: the pass
    /// runs N, then 2N, capped at one sample's iterations); 0 for none. See `AllocationSites`.
    var siteIterations: Int = 0
}
