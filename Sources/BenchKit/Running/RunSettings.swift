/// The run-wide defaults a benchmark's own configuration overrides, and which the
/// command line sets.
struct RunSettings: Sendable {
    var samples = 10
    var warmupSamples = 1
    var sampleTime = 0.010
    var timeout = 60.0
    var maxIterations = 1_000_000_000
    /// Whether benchmarks run the reference-counting pass (`ARCPass`) unless their
    /// configuration says otherwise; `--no-arc` turns it off for all.
    var countsARC = true
    /// Iterations of that pass (at most one sample's).
    static let arcPassIterations = 100
    /// Iterations N of the allocation-site pass (N, then 2N; at most one sample's), unless
    /// the configuration says otherwise; 0 (`--no-sites`) turns it off for all.
    var siteIterations = 10
    /// Total wall-clock budget for the whole run, if any: the sample time of each
    /// benchmark shrinks so that the run fits (the sample count never does).
    var timeBudget: Double?
    /// Values given on the command line win over per-benchmark configuration.
    var explicitSamples = false
    var explicitSampleTime = false

    /// The plan for `benchmark`, given the budget left and the benchmarks left to run.
    func plan(for configuration: BenchmarkConfiguration, budgetShare: Double?) -> SamplingPlan {
        let samples = explicitSamples ? self.samples : (configuration.samples ?? self.samples)
        let warmups = configuration.warmupSamples ?? warmupSamples
        var plan = SamplingPlan(
            samples: max(1, samples), warmupSamples: max(0, warmups),
            sampleNanoseconds: UInt64(sampleTime(for: configuration) * 1e9),
            maxIterations: max(1, configuration.maxIterations ?? maxIterations),
            arcPassIterations: countsARC && configuration.countsARC != false ? Self.arcPassIterations : 0,
            siteIterations: configuration.recordsSites == false ? 0 : siteIterations)
        if let share = budgetShare { plan.fit(share) }
        return plan
    }

    private func sampleTime(for configuration: BenchmarkConfiguration) -> Double {
        explicitSampleTime ? sampleTime : (configuration.sampleTime?.seconds ?? sampleTime)
    }

    /// Roughly how long one benchmark takes with these settings: calibration (about two
    /// sample times), warm-up and kept samples, and the passes after them.
    func expectedSeconds(for configuration: BenchmarkConfiguration) -> Double {
        let plan = plan(for: configuration, budgetShare: nil)
        return plan.sampleTimesNeeded * Double(plan.sampleNanoseconds) / 1e9
    }

    /// Why `configuration` cannot be run, if it cannot: non-positive samples, sample time,
    /// timeout or iteration cap. Reported as the benchmark's failure instead of a trap.
    static func problem(in configuration: BenchmarkConfiguration) -> String? {
        if let samples = configuration.samples, samples < 1 { return "invalid configuration: samples must be at least 1, got \(samples)" }
        if let warmups = configuration.warmupSamples, warmups < 0 { return "invalid configuration: warmupSamples must not be negative" }
        if let time = configuration.sampleTime, time <= .zero { return "invalid configuration: sampleTime must be positive, got \(time)" }
        if let time = configuration.timeout, time <= .zero { return "invalid configuration: timeout must be positive, got \(time)" }
        if let cap = configuration.maxIterations, cap < 1 { return "invalid configuration: maxIterations must be at least 1" }
        return nil
    }

    /// The timeout for `configuration`.
    func timeout(for configuration: BenchmarkConfiguration) -> Double {
        configuration.timeout?.seconds ?? timeout
    }
}
