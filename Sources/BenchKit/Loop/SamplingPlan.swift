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
    /// Allocations the allocation-site pass may record (the retain-site pass may record
    /// `retainRecordingBudget / siteRecordingBudget` of it): the default, or less under a
    /// run's time budget (`RunSettings.plan`).
    var siteEventBudget: Int = Int(siteRecordingBudget)

    /// Allocations the site pass may record in its 3N iterations: at about 6 µs per recorded
    /// allocation (docs/performance.md) the pass stays under about 0.6 s.
    static let siteRecordingBudget = 100_000.0
    /// Retains the retain-site pass may record: retains are several times as frequent as
    /// allocations and cost the same to unwind, so a smaller budget (about 0.15 s); a
    /// deterministic body's sites are exact at any N.
    static let retainRecordingBudget = 30_000.0
    /// What recording one event's stack costs, about (docs/performance.md: ~6 µs).
    static let secondsPerRecordedEvent = 6e-6

    /// The events the stack pass of `kind` may record under this plan.
    func recordingBudget(_ kind: StackPass.Kind) -> Double {
        let share = kind == .allocations ? 1 : Self.retainRecordingBudget / Self.siteRecordingBudget
        return Double(siteEventBudget) * share
    }

    /// N for a site pass: `wanted`, lowered so that the 3N iterations record at most `budget`
    /// events given `eventsPerOp` (allocations or retains per op), at least 1; 0 (no pass)
    /// when even one iteration per run would record more than ten budgets.
    static func siteIterations(wanted: Int, eventsPerOp: Double, budget: Double = siteRecordingBudget) -> Int {
        guard wanted > 0 else { return 0 }
        let perIteration = 3 * max(0, eventsPerOp)
        guard perIteration > 0 else { return wanted }
        if perIteration > 10 * budget { return 0 }
        return max(1, min(wanted, Int(budget / perIteration)))
    }
}
