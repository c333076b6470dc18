import GateCore

/// How `memgate refs` builds both sides so that code layout alone does not move a
/// benchmark: every function and every block that is not entered by falling through is
/// aligned to 64 bytes (one cache line), so an edit elsewhere in the binary shifts whole
/// cache lines instead of changing how a hot loop straddles them.
///
/// Measured (docs/performance.md, "Code layout in refs"): an allocation-free loop added to
/// one workload moved an untouched tight loop by +15% in 8 of 8 unaligned `refs` runs; with
/// these flags the two builds agree. What remains: alignment does not fix branch-predictor
/// aliasing, the layout of data, or the order of functions, and it makes binaries larger.
package enum CodeLayout: String, Sendable, CaseIterable {
    /// The compiler's default layout (`memgate refs --no-align`, and `memgate run`).
    case compilerDefault
    /// Functions and non-fall-through blocks aligned to 2^6 bytes.
    case aligned

    /// The extra `swift build` arguments for this layout.
    package var buildArguments: [String] {
        switch self {
        case .compilerDefault: []
        case .aligned:
            ["-align-all-functions=6", "-align-all-nofallthru-blocks=6"].flatMap { ["-Xswiftc", "-Xllvm", "-Xswiftc", $0] }
        }
    }
}
