import BenchResults

/// How a comparison gates: thresholds, significance level, noisy-metric policy, mode.
package struct ComparisonOptions: Sendable {
    /// Where thresholds come from.
    package var thresholds: ThresholdPolicy
    /// Family-wise significance level for noisy metrics (Holm-adjusted U test p < alpha).
    package var alpha: Double
    /// Confidence level of the ±% interval shown for noisy metrics.
    package var confidence: Double
    /// Whether noisy metrics may gate, for every metric not in `noisyByMetric`.
    package var noisy: NoisyPolicy
    /// Per-metric exceptions to `noisy`, by metric name (`["peakRSS": .gate]` with `noisy`
    /// `.report` gates only peak RSS). Exact metrics ignore both: they are always gated.
    package var noisyByMetric: [String: NoisyPolicy] = [:]
    /// `check` or `compare`.
    package var mode: Report.Mode
    /// The relative floor an unstable exact metric's medians must move by before the row
    /// can fail or improve (0.3 is 30%; see `Comparison.compareExact`), for every metric
    /// (the config's `unstableFloor`, `--unstable-floor`); `nil`: each metric's default,
    /// `unstableFloor(for:)`.
    package var unstableFloor: Double?
    /// The default floor of counts (allocs, retains, objects, custom exact metrics): above the
    /// largest between-process shift of an unchanged count's median measured (+25.1%, on a
    /// CPU-contended machine), below the smallest real change it must catch (+33.2%);
    /// docs/thresholds.md.
    package static let defaultUnstableFloor = 0.3
    /// The default floor of `bytes`: more than twice the largest between-process shift of an
    /// unchanged B/op median measured (+4.5%; the scheduling-dependent allocations are
    /// many but small), so two more child tasks (+25.6%) fail by bytes whatever their count did.
    package static let defaultBytesUnstableFloor = 0.1

    /// The unstable floor for `metric`: `unstableFloor` when set, else its default.
    package func unstableFloor(for metric: String) -> Double {
        unstableFloor ?? (metric == MetricID.bytes.rawValue ? Self.defaultBytesUnstableFloor : Self.defaultUnstableFloor)
    }
    /// Which noisy comparisons the Holm family holds (see `NoisyFamily`).
    package var family: NoisyFamily.Scope = .beyondThreshold
    /// Statistical power the "needs ~N samples" estimate aims for.
    package var power: Double
    /// Whether benchmarks and gated metrics of the baseline that CURRENT lacks pass
    /// (`--allow-missing`, the config's `"allowMissing"`: a deliberate partial check)
    /// instead of failing the check (the default).
    package var allowMissing = false
    /// Whether `noisy` and `noisyByMetric` are the built-in defaults (`GateDefaults`), set by
    /// no config file and no `--noisy`: the verdict's note then says so.
    package var noisyIsDefault = false

    /// Creates options; defaults are those of `memgate check` with no config.
    package init(
        thresholds: ThresholdPolicy = ThresholdPolicy(), alpha: Double = GateDefaults.alpha, confidence: Double = 0.95,
        noisy: NoisyPolicy = .gate, mode: Report.Mode = .check, power: Double = 0.8
    ) {
        self.thresholds = thresholds
        self.alpha = alpha
        self.confidence = confidence
        self.noisy = noisy
        self.mode = mode
        self.power = power
    }

    /// The noisy-metric policy for `metric`: its exception if it has one, else `noisy`.
    package func noisyPolicy(for metric: String) -> NoisyPolicy {
        noisyByMetric[metric] ?? noisy
    }
}
