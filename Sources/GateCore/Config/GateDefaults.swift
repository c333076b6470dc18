import BenchResults

/// The gate's settings where neither a configuration file nor the command line says
/// otherwise: the one definition both the built-in defaults and the `baselines/memgate.json`
/// that `memgate init` writes (`AdoptionTemplates.configuration`) come from.
///
/// Against a stored baseline, machine-dependent metrics measured in another process (time,
/// latency, CPU, throughput, instructions, noisy custom metrics) are reported, not gated:
/// unchanged code moved by up to 100% between runs on a shared machine (docs/ci.md). Peak
/// RSS, which moved by under 2%, is gated where the fingerprints match. `memgate refs`, whose
/// runs are interleaved in one job, gates time; gating noisy metrics against a stored
/// baseline is an explicit opt-in (`--noisy gate`, `"noisy": "gate"`).
package enum GateDefaults {
    /// The family-wise significance level of the noisy metrics' tests (`--alpha`, `"alpha"`).
    package static let alpha = 0.01

    /// The policy of every noisy metric not in `noisyByMetric`.
    package static let noisy: NoisyPolicy = .report
    /// The noisy metrics that are exceptions to `noisy`.
    package static let noisyByMetric: [String: NoisyPolicy] = [MetricID.peakRSS.rawValue: .gate]

    /// The `"noisy"` value of a configuration file that says the same as the defaults:
    /// `{ "*": "report", "peakRSS": "gate" }` (the `"*"` entry first, then metrics by name).
    package static var noisyJSON: String {
        let entries = [("*", noisy)] + noisyByMetric.keys.sorted().map { ($0, noisyByMetric[$0]!) }
        let padded = JSONStyle(colon: ": ", comma: ", ", expansion: .none, sortedKeys: false, padded: true)
        return JSONValue.object(entries.map { ($0.0, .string($0.1.rawValue)) }).written(padded)
    }
}

