extension MetricID {
    /// Everything fixed about a built-in metric, in one table (`MetricID.properties`) that
    /// BenchKit (units, direction, exactness, quantiles), the Go benchfmt reader and the gate
    /// (default thresholds, unit checks) read.
    package struct Properties: Sendable, Equatable {
        /// The unit BenchKit records it in; nil for `throughput`, whose unit (B/s or
        /// items/s) the benchmark's configuration chooses.
        package var unit: MetricUnit?
        /// Which direction is an improvement.
        package var better: Metric.Better
        /// Whether identical runs of deterministic code give identical values (the
        /// allocation counters), so the gate compares it without statistics.
        package var exact: Bool
        /// The probability of a latency quantile (max is 1); nil for other metrics.
        package var quantile: Double? = nil
        /// The built-in threshold, in the syntax of `--threshold` and the config
        /// (`"+0"`, `"10%"`, `"10% +1MiB"`, `"off"`); reasons in docs/thresholds.md.
        package var defaultThreshold: String
    }

    /// The properties of this metric.
    package var properties: Properties {
        switch self {
        case .time, .cpu: Properties(unit: .nanosecondsPerOp, better: .lower, exact: false, defaultThreshold: "10%")
        case .p50: .latency(0.5, defaultThreshold: "10%")
        case .p90: .latency(0.9, defaultThreshold: "15%")
        case .p99: .latency(0.99, defaultThreshold: "25%")
        case .p999: .latency(0.999, defaultThreshold: "off")
        case .max: .latency(1, defaultThreshold: "off")
        case .allocs: Properties(unit: .allocationsPerOp, better: .lower, exact: true, defaultThreshold: "+0")
        case .bytes: Properties(unit: .bytesPerOp, better: .lower, exact: true, defaultThreshold: "5%")
        case .frees: Properties(unit: .freesPerOp, better: .lower, exact: true, defaultThreshold: "off")
        case .retained: Properties(unit: .allocationsPerOp, better: .lower, exact: true, defaultThreshold: "off")
        case .peakRSS: Properties(unit: .bytes, better: .lower, exact: false, defaultThreshold: "10% +1MiB")
        case .rssGrowth: Properties(unit: .bytes, better: .lower, exact: false, defaultThreshold: "off")
        case .throughput: Properties(unit: nil, better: .higher, exact: false, defaultThreshold: "10%")
        case .instructions: Properties(unit: .instructionsPerOp, better: .lower, exact: false, defaultThreshold: "off")
        case .retains: Properties(unit: .retainsPerOp, better: .lower, exact: true, defaultThreshold: "+0")
        case .releases: Properties(unit: .releasesPerOp, better: .lower, exact: true, defaultThreshold: "off")
        case .objects: Properties(unit: .objectsPerOp, better: .lower, exact: true, defaultThreshold: "+0")
        }
    }
}

extension MetricID.Properties {
    /// A latency quantile: nanoseconds, lower is better, noisy.
    static func latency(_ probability: Double, defaultThreshold: String) -> Self {
        Self(unit: .nanoseconds, better: .lower, exact: false, quantile: probability, defaultThreshold: defaultThreshold)
    }
}
