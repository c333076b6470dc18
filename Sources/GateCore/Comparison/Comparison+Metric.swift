import BenchResults
import BenchStatistics

/// A compared row, plus, for a noisy metric beyond its threshold, what the Holm family
/// needs to decide it.
struct MetricRow {
    var comparison: MetricComparison
    var candidate: NoisyFamily.Candidate?
}

extension Comparison {
    /// The note on every improvement: the baseline can be tightened.
    static let tightenNote = "better than the threshold: tighten the baseline (memgate update)"

    /// Compares one metric (either side may lack it); see `Comparison` for the rules.
    static func compareMetric(
        _ name: String, benchmark: String, before: Metric?, now: Metric?, environmentsMatch: Bool,
        options: ComparisonOptions
    ) throws(ThresholdError) -> MetricRow {
        guard let before, let now else {
            return oneSided(name, benchmark: benchmark, before: before, now: now, environmentsMatch: environmentsMatch, options: options)
        }
        let exact = before.exact && now.exact
        let threshold = options.thresholds.threshold(benchmark: benchmark, metric: name, exact: exact)
        guard threshold.isCompatible(with: now.unit.scale) else {
            throw ThresholdError(text: threshold.text, problem: "cannot apply to \(benchmark) \(name), measured in \(now.unit)")
        }
        let b = before.median, c = now.median
        var row = MetricComparison(
            metric: name, unit: now.unit, better: now.better, exact: exact, baseline: b, current: c,
            change: b != 0 ? c / b - 1 : (c == 0 ? 0 : nil), threshold: threshold, verdict: .pass,
            sampleCounts: (before.samples.count, now.samples.count))
        if before.unit != now.unit {
            row.verdict = .reported
            row.note = "units differ (baseline \(before.unit), current \(now.unit)): not compared"
            row.change = nil
            return MetricRow(comparison: row, candidate: nil)
        }
        if exact {
            compareExact(&row, before: before.samples, now: now.samples, unstableFloor: options.unstableFloor(for: name))
            return MetricRow(comparison: row, candidate: nil)
        }
        return compareNoisy(&row, before: before, now: now, environmentsMatch: environmentsMatch, options: options)
    }

    /// A metric on one side only: `added` (not in the baseline), `missing` (in the baseline,
    /// not in current, and gated: its threshold is not off and, for a noisy metric, it would
    /// have been gated), or `reported` (missing but not gated).
    private static func oneSided(
        _ name: String, benchmark: String, before: Metric?, now: Metric?, environmentsMatch: Bool, options: ComparisonOptions
    ) -> MetricRow {
        guard let before else {
            let now = now!
            let row = MetricComparison(
                metric: name, unit: now.unit, better: now.better, exact: now.exact, baseline: nil,
                current: now.median, threshold: .off, verdict: .added, sampleCounts: (0, now.samples.count),
                note: "not in the baseline")
            return MetricRow(comparison: row, candidate: nil)
        }
        let threshold = options.thresholds.threshold(benchmark: benchmark, metric: name, exact: before.exact)
        let noisyGated = environmentsMatch && options.noisyPolicy(for: name) == .gate
        let gated = !threshold.isOff && (before.exact || noisyGated)
        let why = threshold.isOff ? "threshold off" : "machine-dependent"
        let row = MetricComparison(
            metric: name, unit: before.unit, better: before.better, exact: before.exact,
            baseline: before.median, current: nil, threshold: threshold, verdict: gated ? .missing : .reported,
            sampleCounts: (before.samples.count, 0),
            note: "in the baseline but not recorded in current" + (gated ? "" : " (not gated: \(why))"))
        return MetricRow(comparison: row, candidate: nil)
    }

    /// The noisy-metric rule: not gated (threshold off, environments differ, policy), within
    /// the threshold (with a warning when too few samples could ever be significant), or a
    /// candidate for the Holm family.
    private static func compareNoisy(
        _ row: inout MetricComparison, before: Metric, now: Metric, environmentsMatch: Bool, options: ComparisonOptions
    ) -> MetricRow {
        let name = row.metric, threshold = row.threshold
        let (b, c) = (row.baseline!, row.current!)
        row.intervalSamples = (before.samples, now.samples, options.confidence)  // ± computed when shown
        if threshold.isOff {
            row.verdict = .reported
            row.note = "threshold off: reported only"
            return MetricRow(comparison: row, candidate: nil)
        }
        guard environmentsMatch, options.noisyPolicy(for: name) == .gate else {
            row.verdict = .reported
            row.note = "machine-dependent: not gated"
            return MetricRow(comparison: row, candidate: nil)
        }
        let worse = threshold.isExceeded(from: b, to: c, better: now.better)
        let better = threshold.isImprovedBeyond(from: b, to: c, better: now.better)
        guard worse || better else {
            // Within the threshold. Say so when no change could ever have been significant.
            let (n1, n2) = (before.samples.count, now.samples.count)
            if MannWhitneyU.smallestPValue(n1: n1, n2: n2) >= options.alpha {
                let needed = SampleSizeEstimate.minimumForSignificance(alpha: options.alpha)
                row.tooFewSamples = true
                row.samplesNeeded = needed
                row.note = "too few samples (\(n1) vs \(n2)) for any change to be significant "
                    + "at alpha=\(MetricFormat.pValue(options.alpha)); needs >= \(needed) per side"
            }
            return MetricRow(comparison: row, candidate: nil)
        }
        row.verdict = worse ? .inconclusive : .pass  // Decided by the Holm family.
        let candidate = NoisyFamily.Candidate(baseline: before.samples, current: now.samples, worse: worse)
        return MetricRow(comparison: row, candidate: candidate)
    }
}
