import CLISupport

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
