extension ParsedArguments {
    /// The last value of option `name` as an integer in `range`, or nil when it was not given.
    ///
    /// Accepts an optional sign and decimal digits (`"20"`, `"+20"`).
    ///
    /// - Throws: `UsageError` `"--samples: 'abc' is not a whole number"`, or
    ///   `"--samples: must be between 2 and 1000, got 1"` (`"must be at least 2"` when the
    ///   range has no real upper bound).
    /// Traps if `name` is not a declared option.
    package func int(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else { throw usageError("\(name): '\(text)' is not a whole number") }
        guard range.contains(number) else {
            let bounds = range.upperBound == .max
                ? "must be at least \(range.lowerBound)"
                : "must be between \(range.lowerBound) and \(range.upperBound)"
            throw usageError("\(name): \(bounds), got \(number)")
        }
        return number
    }

    /// The last value of option `name` as a finite decimal number in `range`, or nil when it
    /// was not given.
    ///
    /// Accepts an optional sign, digits with an optional fraction, and an optional exponent
    /// (`"0.05"`, `".5"`, `"1e-3"`); rejects `"1."`, `nan`, `inf`, hexadecimal and overflow.
    ///
    /// - Throws: `UsageError` `"--alpha: 'abc' is not a number"`, or
    ///   `"--alpha: must be between 0 and 0.5, got 0.9"`.
    /// Traps if `name` is not a declared option.
    package func double(_ name: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard isDecimalNumber(text, allowingExponent: true), let number = Double(text), number.isFinite else {
            throw usageError("\(name): '\(text)' is not a number")
        }
        guard range.contains(number) else {
            throw usageError("\(name): must be between \(plain(range.lowerBound)) and \(plain(range.upperBound)), got \(text)")
        }
        return number
    }

    /// The last value of option `name` as a duration in seconds, or nil when it was not given.
    ///
    /// A duration is a non-negative decimal (`"30"`, `"1.5"`, `".5"`; no sign or exponent) followed by
    /// an optional unit: `ns`, `us` or `µs`, `ms`, `s` (the default), `m` or `h`.
    /// `"500ms"` is 0.5 and `"2m"` is 120. Zero is accepted; callers that need a positive
    /// duration check for it.
    ///
    /// - Throws: `UsageError` `"--timeout: must not be negative, got -1s"`, or
    ///   `"--timeout: 'abc' is not a duration (for example 30s, 500ms, 2m)"` for anything else,
    ///   including `nan`, `inf`, exponents, spaces and values too large for a `Double`.
    /// Traps if `name` is not a declared option.
    package func duration(_ name: String) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        if text.hasPrefix("-"), parseDuration(String(text.dropFirst())) != nil {
            throw usageError("\(name): must not be negative, got \(text)")
        }
        guard let seconds = parseDuration(text) else {
            throw usageError("\(name): '\(text)' is not a duration (for example 30s, 500ms, 2m)")
        }
        return seconds
    }

    /// The last value of option `name` if it is one of `allowed` (compared exactly, case
    /// included), or nil when it was not given.
    ///
    /// - Throws: `UsageError` `"--format: 'xml' is not one of text, json"`.
    /// Traps if `name` is not a declared option.
    package func choice(_ name: String, from allowed: [String]) throws(UsageError) -> String? {
        guard let text = value(name) else { return nil }
        guard allowed.contains(text) else {
            throw usageError("\(name): '\(text)' is not one of \(allowed.joined(separator: ", "))")
        }
        return text
    }
}

/// Seconds in one of each duration unit.
private let durationUnits: [(suffix: String, seconds: Double)] = [
    ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
]

/// `text` as a non-negative, finite number of seconds, or nil. See `ParsedArguments.duration(_:)`.
func parseDuration(_ text: String) -> Double? {
    let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    let suffix = text.dropFirst(number.count)
    guard isDecimalNumber(String(number), allowingExponent: false), let value = Double(number) else { return nil }
    let factor = suffix.isEmpty ? 1 : durationUnits.first { $0.suffix == suffix }?.seconds
    guard let factor, (value * factor).isFinite else { return nil }
    return value * factor
}

/// Whether `text` is `[+-]? digits? (. digits)? ([eE] [+-]? digits)?` with at least one
/// mantissa digit, ASCII only. The sign and exponent are allowed only with `allowingExponent`
/// (numbers); durations take bare digits.
func isDecimalNumber(_ text: String, allowingExponent: Bool) -> Bool {
    var rest = Substring(text)
    func digits() -> Int {
        let run = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(run.count)
        return run.count
    }
    if allowingExponent, let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
    var mantissa = digits()
    if rest.first == "." {
        rest = rest.dropFirst()
        let fraction = digits()
        guard fraction > 0 else { return false }   // "1." is a typo more often than a number
        mantissa += fraction
    }
    guard mantissa > 0 else { return false }
    if allowingExponent, let e = rest.first, e == "e" || e == "E" {
        rest = rest.dropFirst()
        if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
        guard digits() > 0 else { return false }
    }
    return rest.isEmpty
}

/// `value` without a trailing `.0` when it is integral: `2.0` prints as `"2"`, `0.5` as `"0.5"`.
private func plain(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
