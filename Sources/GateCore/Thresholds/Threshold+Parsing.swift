import BenchResults

extension Threshold {
    /// Parses a threshold: `off`, a relative part `N%` (or `+N%`), an absolute part `+N` with
    /// an optional unit (B, KiB, MiB, GiB, ns, us, µs, ms, s; `+` optional), or one of each
    /// separated by spaces (`"10% +1MiB"`).
    ///
    /// - Throws: `ThresholdError` saying what is wrong with `text`.
    package init(parsing text: String) throws(ThresholdError) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "off" {
            self = .off
            return
        }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !parts.isEmpty else { throw ThresholdError(text: text, problem: "is empty (use \"off\" to report only)") }
        guard parts.count <= 2 else { throw ThresholdError(text: text, problem: "has more than two parts") }
        var fraction: Double?
        var amount: Double?
        var amountUnit = AmountUnit.plain
        for part in parts {
            if part.hasSuffix("%") {
                guard fraction == nil else {
                    throw ThresholdError(
                        text: text, problem: "has two percentages (at most one amount and one percentage, like \"10% +1MiB\")")
                }
                var digits = part.dropLast()
                if digits.hasPrefix("+") { digits = digits.dropFirst() }
                guard let value = Threshold.parseNumber(digits) else {
                    throw ThresholdError(text: text, problem: "\(Self.naming(part, in: text))is not a percentage like 10%")
                }
                fraction = value / 100
            } else {
                var body = part
                if body.hasPrefix("+") { body = body.dropFirst() }
                guard let (value, unit) = Threshold.parseAmount(body) else {
                    throw ThresholdError(
                        text: text,
                        problem: "\(Self.naming(part, in: text))is not a percentage (10%) or an amount (+2, +1MiB, +500ns)")
                }
                guard amount == nil else {
                    throw ThresholdError(text: text, problem: "has two amounts (at most one amount and one percentage, like \"10% +1MiB\")")
                }
                amount = value
                amountUnit = unit
            }
        }
        let canonical = parts.joined(separator: " ")
        self.init(fraction: fraction, amount: amount, amountUnit: amountUnit, isOff: false, text: canonical)
    }

    /// Unit suffixes and their factors to the base unit (B or ns): every name and alias of
    /// the byte and time scales' steps (`MetricUnit.Scale.steps`), longest first, so that
    /// `KiB` is tried before `B` and `ms` before `s` (suffixes of one length never both match).
    private static let units: [(suffix: String, factor: Double, unit: AmountUnit)] = {
        // Spelled out with its types: as one chained expression it took 230 ms to type-check.
        let scales: [(MetricUnit.Scale, AmountUnit)] = [(.binaryBytes, .bytes), (.time, .time)]
        var units: [(suffix: String, factor: Double, unit: AmountUnit)] = []
        for (scale, unit) in scales {
            for step in scale.steps {
                for suffix in [step.name] + step.aliases { units.append((suffix: suffix, factor: step.factor, unit: unit)) }
            }
        }
        return units.sorted { $0.suffix.count > $1.suffix.count }
    }()

    private static func parseAmount(_ text: Substring) -> (Double, AmountUnit)? {
        for (suffix, factor, unit) in units where text.hasSuffix(suffix) {
            guard let value = parseNumber(text.dropLast(suffix.count)) else { return nil }
            return (value * factor, unit)
        }
        guard let value = parseNumber(text) else { return nil }
        return (value, .plain)
    }

    /// A finite, non-negative decimal number (digits with an optional fraction).
    private static func parseNumber(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, let value = Double(text), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}

extension Threshold {
    /// `"\"part\" "` when the bad part is not the whole text (so messages never repeat it).
    static func naming(_ part: Substring, in text: String) -> String {
        String(part).trimmingWhitespace() == text.trimmingWhitespace() ? "" : "part \"\(part)\" "
    }
}

/// A threshold that could not be parsed: the text as given and what is wrong with it.
package struct ThresholdError: Error, Equatable, CustomStringConvertible {
    /// The text as given.
    package var text: String
    /// What is wrong with it.
    package var problem: String

    /// `threshold "TEXT" PROBLEM`, one line.
    package var description: String { "threshold \"\(text)\" \(problem)" }
}

extension String {
    /// This string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
