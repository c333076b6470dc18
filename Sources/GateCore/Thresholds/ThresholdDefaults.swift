import BenchResults

/// The built-in thresholds, used where neither the config file nor the command line says
/// otherwise. Each built-in metric's is in `MetricID.properties`; documented (with reasons) in
/// docs/thresholds.md.
///
/// | metric | default | why |
/// |---|---|---|
/// | allocs | `+0` | exact; any extra allocation per op is a real change |
/// | bytes | `5%` | exact, but small growth (a longer string) is often intended |
/// | time, cpu, p50 | `10%` | noisy; 10% is well above typical run-to-run noise |
/// | p90 | `15%` | tails are noisier than the middle |
/// | p99 | `25%` | far tail: noisier still |
/// | peakRSS | `10% +1MiB` | noisy, and small processes move by pages |
/// | throughput | `10%` | higher is better; mirror of time |
/// | p99.9, max, frees, retained, rssGrowth, instructions | `off` | reported, not gated |
/// | custom exact metric | `+0` | deterministic by declaration |
/// | custom noisy metric | `10%` | like time |
package enum ThresholdDefaults {
    /// The built-in threshold of each built-in metric: `MetricID.properties.defaultThreshold`
    /// (the one metric table), parsed.
    package static let builtIn: [MetricID: Threshold] = Dictionary(uniqueKeysWithValues: MetricID.allCases.map { id in
        do { return (id, try Threshold(parsing: id.properties.defaultThreshold)) } catch {
            preconditionFailure("MetricID.properties: \(id)'s default threshold does not parse: \(error)")
        }
    })

    /// The built-in threshold for a metric named `name`; `exact` decides for custom metrics.
    package static func threshold(for name: String, exact: Bool) -> Threshold {
        if let id = MetricID(rawValue: name), let threshold = builtIn[id] { return threshold }
        return exact ? .absolute(0) : .percent(10)
    }

    /// The unit scale of a built-in metric, when it is fixed (`nil` for custom metrics and
    /// for `throughput`, whose unit the benchmark chooses): from `MetricID.properties`.
    package static func unitScale(of name: String) -> MetricUnit.Scale? {
        MetricID(rawValue: name)?.properties.unit?.scale
    }

    /// Throws when `threshold` has an absolute unit that cannot apply to built-in `metric`
    /// (`time=+1MiB`). Custom metrics are checked when compared (their unit is in the file).
    package static func checkUnit(_ threshold: Threshold, metric: String) throws(ThresholdError) {
        guard let scale = unitScale(of: metric), !threshold.isCompatible(with: scale) else { return }
        throw ThresholdError(
            text: threshold.text,
            problem: "uses a \(threshold.amountUnit.rawValue) unit, but \(metric) is not measured in \(threshold.amountUnit.rawValue)")
    }
}
