/// The benchmarks that `--filter REGEX` and `--skip REGEX` select. A name is selected when
/// the filter (if given) matches somewhere in it and the skip pattern (if given) does not.
///
/// The benchmark executables and `memgate run`/`memgate refs` share this one rule, so the
/// baseline entries memgate keeps in a comparison are exactly the benchmarks that ran.
package struct BenchmarkSelection {
    private let filter: Regex<AnyRegexOutput>?
    private let skip: Regex<AnyRegexOutput>?

    /// Reads `--filter` and `--skip` from `arguments`.
    /// - Throws: a `UsageError` naming the flag when its value is not a valid regular expression.
    package init(_ arguments: ParsedArguments) throws(UsageError) {
        filter = try Self.regex(arguments, "--filter")
        skip = try Self.regex(arguments, "--skip")
    }

    /// Whether every benchmark is selected (neither pattern given).
    package var selectsAll: Bool { filter == nil && skip == nil }

    /// Whether `name` passes both patterns.
    package func selects(_ name: String) -> Bool {
        if let filter, (try? filter.firstMatch(in: name)) == nil { return false }
        if let skip, (try? skip.firstMatch(in: name)) != nil { return false }
        return true
    }

    private static func regex(_ arguments: ParsedArguments, _ name: String) throws(UsageError) -> Regex<AnyRegexOutput>? {
        guard let pattern = arguments.value(name) else { return nil }
        do { return try Regex(pattern) } catch {
            throw arguments.usageError("\(name): '\(pattern)' is not a valid regular expression: \(error)")
        }
    }
}
