import BenchResults

/// What the command line says about a comparison (`--threshold`, `--alpha`, `--noisy`,
/// `--allow-missing`, `--unstable-floor`, `--inconclusive`), parsed and checked; nil or empty where a flag was
/// not given.
package struct ComparisonFlags: Sendable {
    /// `--threshold METRIC=VALUE`, by metric.
    package var thresholds: [String: Threshold] = [:]
    /// `--alpha`.
    package var alpha: Double?
    /// `--noisy`.
    package var noisy: NoisyPolicy?
    /// `--allow-missing`.
    package var allowMissing = false
    /// `--unstable-floor`.
    package var unstableFloor: Double?
    /// `--inconclusive`: not a comparison option, but what the verdict exits with (the flag,
    /// else the config's `"inconclusive"`, else `.report`).
    package var inconclusive: InconclusivePolicy?

    /// No flag given.
    package init() {}
}

/// Where the two compared sides' runs come from, which decides what a config's `"noisy"`
/// may say.
package enum RunOrigin: Sendable {
    /// Recorded separately (a stored baseline, two files): the config's `"noisy"` applies,
    /// and without one the built-in defaults (`GateDefaults`) do.
    case separate
    /// Interleaved in one job (`memgate refs`, `memgate calibrate`): a config's `"noisy"`
    /// says machine-dependent metrics of separately recorded runs cannot be trusted, which
    /// is the case these runs avoid, so noisy metrics are gated unless `--noisy` says otherwise.
    case interleaved
}

extension ComparisonOptions {
    /// The one resolution of a comparison's options, for every command: each setting from its
    /// flag if given, else from the config's key, else its built-in default (`GateDefaults`,
    /// `ComparisonOptions`' own), with `"noisy"` as `origin` allows.
    package init(config: GateConfig, flags: ComparisonFlags = ComparisonFlags(), mode: Report.Mode = .check, origin: RunOrigin) {
        self.init(thresholds: ThresholdPolicy(config: config, overrides: flags.thresholds),
                  alpha: flags.alpha ?? config.alpha ?? GateDefaults.alpha, mode: mode)
        if let noisy = flags.noisy {
            self.noisy = noisy
        } else if origin == .interleaved {
            noisy = .gate
        } else if config.noisy == nil && config.noisyByMetric.isEmpty {
            (noisy, noisyByMetric, noisyIsDefault) = (GateDefaults.noisy, GateDefaults.noisyByMetric, true)
        } else {
            noisy = config.noisy ?? GateDefaults.noisy
            noisyByMetric = config.noisyByMetric
        }
        allowMissing = flags.allowMissing || config.allowMissing == true
        unstableFloor = flags.unstableFloor ?? config.unstableFloor
    }
}
