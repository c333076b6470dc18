extension SamplingPlan {
    /// Sample times one benchmark takes at most under this plan: calibration (about two),
    /// warm-up and kept samples one each, the reference-counting pass at most
    /// `ARCPass.sampleTimesAtMost`, and each site pass at most three, since it runs N then 2N
    /// iterations with N at most one sample's (the allocation-site and retain-site passes,
    /// also bounded by their recording budgets).
    var sampleTimesNeeded: Double {
        let passes = (arcPassIterations > 0 ? ARCPass.sampleTimesAtMost : 0) + (siteIterations > 0 ? 2 * 3 : 0)
        return Double(samples + warmupSamples + 2 + passes)
    }

    /// Fits the plan into `share` seconds of a run's time budget: three quarters for the
    /// samples and the passes' iterations (the sample time shrinks, never below 0.5 ms; the
    /// sample count never does) and a quarter for recording stacks, which caps the site
    /// passes' recording budgets (at about 6 µs per recorded event).
    mutating func fit(_ share: Double) {
        let sampleSeconds = min(Double(sampleNanoseconds) / 1e9, max(0.0005, 0.75 * max(0, share) / sampleTimesNeeded))
        sampleNanoseconds = UInt64(sampleSeconds * 1e9)
        let recordable = 0.25 * max(0, share) / Self.secondsPerRecordedEvent
        siteEventBudget = min(siteEventBudget, Int(min(recordable, Self.siteRecordingBudget)))
    }
}
