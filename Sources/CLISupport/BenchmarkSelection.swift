/// The benchmarks that `--filter REGEX` and `--skip REGEX` select. A name is selected when
/// the filter (if given) matches somewhere in it and the skip pattern (if given) does not.
///
/// The benchmark executables and `memgate run`/`memgate refs` share this one rule, so the
/// baseline entries memgate keeps in a comparison are exactly the benchmarks that ran.
/// Patterns are `LinearRegex`es: matched in linear time, so no pattern can hang a run.
package struct BenchmarkSelection {
    private let filter: LinearRegex?
    private let skip: LinearRegex?

    /// Reads `--filter` and `--skip` from `arguments`.
    /// - Throws: a `UsageError` naming the flag when its value is not a valid regular
    ///   expression or uses syntax `LinearRegex` refuses (backreferences, lookaround...).
    package init(_ arguments: ParsedArguments) throws(UsageError) {
        filter = try Self.regex(arguments, "--filter")
        skip = try Self.regex(arguments, "--skip")
    }

    /// Whether every benchmark is selected (neither pattern given).
    package var selectsAll: Bool { filter == nil && skip == nil }

    /// Whether `name` passes both patterns.
    package func selects(_ name: String) -> Bool {
        if let filter, !filter.matches(in: name) { return false }
        if let skip, skip.matches(in: name) { return false }
        return true
    }

    private static func regex(_ arguments: ParsedArguments, _ name: String) throws(UsageError) -> LinearRegex? {
        guard let pattern = arguments.value(name) else { return nil }
        do { return try LinearRegex(pattern) } catch {
            throw arguments.usageError("\(name): '\(pattern)' is not a valid regular expression for memgate: \(error)")
        }
    }
}
