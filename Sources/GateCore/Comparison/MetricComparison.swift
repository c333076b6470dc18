import BenchResults
import BenchStatistics

/// One row of a report: one metric of one benchmark, compared.
package struct MetricComparison: Sendable, Equatable {
    /// The metric's name (`time`, `allocs`, or a custom name).
    package var metric: String
    /// The metric's unit (the current file's, or the baseline's when missing from current).
    package var unit: MetricUnit
    /// Which direction is an improvement.
    package var better: MetricDirection
    /// Whether the metric was compared as exact.
    package var exact: Bool
    /// The baseline median, if the baseline has this metric.
    package var baseline: Double?
    /// The current median, if the current file has this metric.
    package var current: Double?
    /// `current / baseline - 1` (0.1 is +10%), when both exist and the baseline is not 0.
    package var change: Double?
    /// Half-width of the confidence interval of the ratio of medians, as a fraction of
    /// the ratio (0.03 prints as ±3%); noisy metrics only.
    ///
    /// Computed on first use from `intervalSamples` (a Hodges-Lehmann interval costs about
    /// as much as the rest of the comparison, and the default report shows only a few
    /// rows), unless set explicitly. Equal inputs give equal values, so laziness never
    /// changes a report.
    package var plusMinus: Double? {
        get {
            if let storedPlusMinus { return storedPlusMinus }
            guard let interval = intervalSamples else { return nil }
            return RatioEstimate.estimate(
                baseline: interval.baseline, current: interval.current, confidence: interval.confidence)?.plusMinus
        }
        set { storedPlusMinus = newValue }
    }
    private var storedPlusMinus: Double?
    /// The samples and confidence level `plusMinus` is computed from (noisy rows only).
    package var intervalSamples: (baseline: [Double], current: [Double], confidence: Double)?
    /// The U test's p-value after Holm adjustment, for comparisons in the Holm family.
    package var pValue: Double?
    /// The threshold applied.
    package var threshold: Threshold
    /// The outcome.
    package var verdict: Verdict
    /// Samples in the baseline and current files.
    package var sampleCounts: (baseline: Int, current: Int)
    /// Whether an exact metric's samples varied within a file (judged by trimmed ranges and
    /// by medians against the unstable floor; see `Comparison.compareExact`).
    package var unstable: Bool
    /// Whether the samples were too few for any change to be significant at the level
    /// this comparison was judged at (a warning, never a silent pass).
    package var tooFewSamples = false
    /// Samples per side that would likely settle an inconclusive comparison.
    package var samplesNeeded: Int?
    /// Why the verdict is what it is, when that is not obvious (empty otherwise).
    package var note: String

    /// Creates a row.
    package init(
        metric: String, unit: MetricUnit, better: MetricDirection, exact: Bool,
        baseline: Double?, current: Double?, change: Double? = nil, plusMinus: Double? = nil,
        pValue: Double? = nil, threshold: Threshold, verdict: Verdict,
        sampleCounts: (baseline: Int, current: Int) = (0, 0), unstable: Bool = false,
        samplesNeeded: Int? = nil, note: String = ""
    ) {
        self.metric = metric
        self.unit = unit
        self.better = better
        self.exact = exact
        self.baseline = baseline
        self.current = current
        self.change = change
        self.storedPlusMinus = plusMinus
        self.pValue = pValue
        self.threshold = threshold
        self.verdict = verdict
        self.sampleCounts = sampleCounts
        self.unstable = unstable
        self.samplesNeeded = samplesNeeded
        self.note = note
    }

    package static func == (a: MetricComparison, b: MetricComparison) -> Bool {
        a.metric == b.metric && a.unit == b.unit && a.better == b.better && a.exact == b.exact
            && a.baseline == b.baseline && a.current == b.current && a.change == b.change
            && a.storedPlusMinus == b.storedPlusMinus && a.intervalSamples?.baseline == b.intervalSamples?.baseline
            && a.intervalSamples?.current == b.intervalSamples?.current
            && a.intervalSamples?.confidence == b.intervalSamples?.confidence && a.pValue == b.pValue && a.threshold == b.threshold
            && a.verdict == b.verdict && a.sampleCounts == b.sampleCounts && a.unstable == b.unstable
            && a.samplesNeeded == b.samplesNeeded && a.note == b.note && a.tooFewSamples == b.tooFewSamples
    }
}
