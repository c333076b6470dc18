import BenchResults

/// The built-in thresholds, used where neither the config file nor the command line says
/// otherwise. Documented (with reasons) in docs/thresholds.md.
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
    /// The built-in threshold of each built-in metric.
    package static let builtIn: [MetricID: Threshold] = [
        .allocs: .absolute(0),
        .bytes: .percent(5),
        .time: .percent(10),
        .cpu: .percent(10),
        .p50: .percent(10),
        .p90: .percent(15),
        .p99: .percent(25),
        .p999: .off,
        .max: .off,
        .frees: .off,
        .retained: .off,
        .peakRSS: Threshold(fraction: 0.1, amount: 1_048_576, amountUnit: .bytes, isOff: false, text: "10% +1MiB"),
        .rssGrowth: .off,
        .throughput: .percent(10),
        .instructions: .off,
    ]

    /// The built-in threshold for a metric named `name`; `exact` decides for custom metrics.
    package static func threshold(for name: String, exact: Bool) -> Threshold {
        if let id = MetricID(rawValue: name), let threshold = builtIn[id] { return threshold }
        return exact ? .absolute(0) : .percent(10)
    }

    /// The unit class of a built-in metric, when it is fixed (`nil` for custom metrics and
    /// for `throughput`, whose unit the benchmark chooses).
    package static func unitClass(of name: String) -> MetricUnitClass? {
        switch MetricID(rawValue: name) {
        case .time?, .cpu?, .p50?, .p90?, .p99?, .p999?, .max?: .time
        case .bytes?, .peakRSS?, .rssGrowth?: .bytes
        case .allocs?, .frees?, .retained?, .instructions?: .other
        default: nil
        }
    }

    /// Throws when `threshold` has an absolute unit that cannot apply to built-in `metric`
    /// (`time=+1MiB`). Custom metrics are checked when compared (their unit is in the file).
    package static func checkUnit(_ threshold: Threshold, metric: String) throws(ThresholdError) {
        guard let unitClass = unitClass(of: metric), !threshold.isCompatible(with: unitClass) else { return }
        throw ThresholdError(
            text: threshold.text,
            problem: "uses a \(threshold.amountUnit.rawValue) unit, but \(metric) is not measured in \(threshold.amountUnit.rawValue)")
    }
}
