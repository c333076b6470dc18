/// The exit status of every memgate command, in one place.
///
/// | code | meaning |
/// |------|---------|
/// | 0 | pass: nothing regressed (or the command succeeded) |
/// | 1 | regression: a gated metric regressed, or a benchmark failed in CURRENT |
/// | 2 | usage or input error: bad arguments, unreadable or invalid files or config |
/// | 3 | inconclusive only: something moved past its threshold but not significantly |
///
/// `--inconclusive pass|fail` maps 3 to 0 or 1 (see `InconclusivePolicy`).
package enum ExitCode: Int32, Sendable, CaseIterable {
    /// Nothing regressed.
    case pass = 0
    /// At least one regression or failed benchmark.
    case regression = 1
    /// Bad arguments or input; nothing was compared or written.
    case usageOrInputError = 2
    /// No regression, but at least one inconclusive comparison.
    case inconclusive = 3
}

/// What an inconclusive-only check exits with.
package enum InconclusivePolicy: String, Sendable, CaseIterable {
    /// Exit 3 (the default): CI can tell "inconclusive" from pass and fail.
    case report
    /// Exit 0: inconclusive comparisons do not fail the build.
    case pass
    /// Exit 1: inconclusive comparisons fail the build like regressions.
    case fail

    /// The exit code for an inconclusive-only outcome under this policy.
    package var exitCode: ExitCode {
        switch self {
        case .report: .inconclusive
        case .pass: .pass
        case .fail: .regression
        }
    }
}
