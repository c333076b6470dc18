/// Resolves the threshold for each (benchmark, metric): built-in defaults, then the config
/// file's `thresholds`, then each matching `benchmarks` entry in file order (later entries
/// win), then command-line `--threshold` overrides (which win over everything).
///
///     let policy = ThresholdPolicy(config: config, overrides: ["time": .percent(15)])
///     policy.threshold(benchmark: "json/encode", metric: "bytes", exact: true)
package struct ThresholdPolicy: Sendable {
    /// The configuration file's thresholds and overrides.
    package var config: GateConfig
    /// Command-line thresholds by metric name.
    package var overrides: [String: Threshold]

    /// Creates a policy.
    package init(config: GateConfig = GateConfig(), overrides: [String: Threshold] = [:]) {
        self.config = config
        self.overrides = overrides
    }

    /// The threshold for `metric` of `benchmark`: the first of an override, the last matching
    /// `benchmarks` entry, the config's `thresholds`, the built-in default.
    ///
    /// - Parameters:
    ///   - benchmark: the benchmark's full name.
    ///   - metric: the metric's name (a `MetricID` raw value or a custom name).
    ///   - exact: whether the metric is exact (chooses the default for custom metrics).
    package func threshold(benchmark: String, metric: String, exact: Bool) -> Threshold {
        if let threshold = overrides[metric] { return threshold }
        for entry in config.benchmarks.reversed() where entry.thresholds[metric] != nil && entry.match.matches(benchmark) {
            return entry.thresholds[metric]!
        }
        if let threshold = config.thresholds[metric] { return threshold }
        return ThresholdDefaults.threshold(for: metric, exact: exact)
    }
}
