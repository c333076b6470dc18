/// The outcome of comparing one metric of one benchmark.
///
/// `regression` fails a check, and so does `missing` unless missing things are allowed
/// (`--allow-missing`); `inconclusive` exits 3 unless mapped; everything else passes.
package enum Verdict: String, Sendable, CaseIterable, Codable {
    /// Worse beyond the threshold (and, for noisy metrics, significantly so).
    case regression
    /// Worse beyond the threshold but not significant: more samples would settle it.
    case inconclusive
    /// Better beyond the threshold: the baseline can be tightened. Never fails.
    case improvement
    /// Within the threshold (or better, but not beyond it).
    case pass
    /// Shown but not gated: threshold `off`, fingerprints differ, or the metric's noisy
    /// policy is `report` (`--noisy report`, the config's `"noisy"`).
    case reported
    /// A gated metric in the baseline but not recorded in CURRENT: fails the check unless
    /// missing things are allowed (an ungated one is `reported`).
    case missing
    /// Recorded in CURRENT but not in the baseline.
    case added

    /// The short word reports print.
    package var label: String {
        switch self {
        case .regression: "REGRESSED"
        case .inconclusive: "inconclusive"
        case .improvement: "improved"
        case .pass: "ok"
        case .reported: "not gated"
        case .missing: "missing"
        case .added: "new"
        }
    }

    /// Whether a default (non-verbose) report shows a row with this verdict.
    package var isInteresting: Bool {
        switch self {
        case .regression, .inconclusive, .improvement, .missing: true
        case .pass, .reported, .added: false
        }
    }
}
