/// The gate's configuration file (`baselines/memgate.json`): per-metric thresholds,
/// per-benchmark overrides by glob, the significance level and policies.
///
///     {
///       "thresholds": { "time": "15%", "allocs": "+0" },
///       "alpha": 0.01,
///       "inconclusive": "fail",
///       "noisy": "gate",
///       "unstableFloor": "20%",
///       "allowMissing": false,
///       "rounds": 10,
///       "benchmarks": [ { "match": "json/*", "thresholds": { "bytes": "10%" } } ],
///       "executables": ["ExampleBenchmarks"]
///     }
///
/// Every key is optional. Unknown keys are errors (a typo must not silently disable a
/// threshold). Parse with `GateConfig(json:path:)`.
package struct GateConfig: Sendable, Equatable {
    /// One per-benchmark override: thresholds for benchmarks whose names match `match`.
    package struct Override: Sendable, Equatable {
        /// The benchmark-name pattern.
        package var match: Glob
        /// Thresholds by metric name, applied over the file-wide ones.
        package var thresholds: [String: Threshold]

        /// Creates an override.
        package init(match: Glob, thresholds: [String: Threshold]) {
            self.match = match
            self.thresholds = thresholds
        }
    }

    /// File-wide thresholds by metric name (over the built-in defaults).
    package var thresholds: [String: Threshold] = [:]
    /// Significance level for noisy metrics, if set.
    package var alpha: Double?
    /// What an inconclusive-only check exits with, if set.
    package var inconclusive: InconclusivePolicy?
    /// Whether noisy metrics are gated, if set (`"noisy": "report"`, or the `"*"` key of
    /// the object form).
    package var noisy: NoisyPolicy?
    /// Per-metric exceptions to `noisy` (`"noisy": {"*": "report", "peakRSS": "gate"}`),
    /// never naming a built-in exact metric.
    package var noisyByMetric: [String: NoisyPolicy] = [:]
    /// The relative floor for unstable exact metrics' medians (`"unstableFloor": "20%"` is
    /// 0.2), if set.
    package var unstableFloor: Double?
    /// Whether benchmarks and gated metrics of the baseline that CURRENT lacks pass instead
    /// of failing (`"allowMissing": true`, like `--allow-missing`: a deliberate partial
    /// check), if set.
    package var allowMissing: Bool?
    /// Rounds per side for `memgate refs` and `memgate calibrate` (`--rounds` wins), if set.
    package var rounds: Int?
    /// Per-benchmark overrides, in file order; later matching entries win.
    package var benchmarks: [Override] = []
    /// The benchmark executables `memgate run` and `memgate refs` build and run, instead
    /// of discovering them; empty to discover.
    package var executables: [String] = []

    /// An empty configuration: built-in defaults everywhere.
    package init() {}
}

/// A configuration file that could not be used. Names the file, the key path and the value.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The configuration file.
    package var path: String
    /// Where in the document (`benchmarks[1].thresholds.time`), empty for the whole file.
    package var keyPath: String
    /// What is wrong.
    package var problem: String

    /// Creates an error.
    package init(path: String, keyPath: String, problem: String) {
        self.path = path
        self.keyPath = keyPath
        self.problem = problem
    }

    package var description: String {
        keyPath.isEmpty ? "\(path): \(problem)" : "\(path): at \(keyPath): \(problem)"
    }
}
