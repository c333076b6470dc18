import BenchResults

/// Number formatting shared by the renderers, so every format shows the same figures.
package enum MetricFormat {
    /// A value in its unit (`"1.25 µs/op"`), or `"-"` when absent.
    package static func value(_ value: Double?, _ unit: MetricUnit) -> String {
        guard let value else { return "-" }
        return unit.format(value)
    }

    /// A range of values in one unit: `"3–5 allocs/op"`, or `"3 allocs/op–2.00 KiB/op"`
    /// when the two ends scale differently, or one value when they are equal.
    package static func range(_ low: Double, _ high: Double, _ unit: MetricUnit) -> String {
        let a = unit.format(low), b = unit.format(high)
        guard a != b else { return a }
        guard let spaceA = a.firstIndex(of: " "), let spaceB = b.firstIndex(of: " "),
              a[spaceA...] == b[spaceB...] else { return "\(a)–\(b)" }
        return "\(a[..<spaceA])–\(b)"
    }

    /// The change column: a signed percentage (`"+12.3%"`, `"-4.00%"`, `"0%"`), or the
    /// signed absolute difference when the baseline is 0 (`"+1 allocs/op"`).
    package static func change(_ row: MetricComparison) -> String {
        if let change = row.change {
            if change == 0 { return "0%" }
            let percent = change * 100
            return (percent > 0 ? "+" : "") + MetricFormat.percentDigits(percent) + "%"
        }
        guard let b = row.baseline, let c = row.current else { return "-" }
        let delta = c - b
        return (delta > 0 ? "+" : "") + row.unit.format(delta)
    }

    /// The interval column: `"±3.1%"` for noisy rows with an interval, else `""`.
    package static func plusMinus(_ row: MetricComparison) -> String {
        guard let plusMinus = row.plusMinus, plusMinus.isFinite else { return "" }
        return "±" + MetricFormat.percentDigits(plusMinus * 100) + "%"
    }

    /// A p-value with two significant digits (`"0.0031"`, `"1.2e-05"`).
    package static func pValue(_ p: Double) -> String {
        guard p.isFinite, p >= 0 else { return "-" }
        if p >= 0.001 || p == 0 {
            var text = MetricUnit.fixed(p, decimals: p >= 0.1 ? 2 : p >= 0.01 ? 3 : 4)
            while text.contains(".") && text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        var exponent = 0
        var mantissa = p
        while mantissa < 1 { mantissa *= 10; exponent += 1 }
        return "\(MetricUnit.fixed(mantissa, decimals: 1))e-\(exponent < 10 ? "0" : "")\(exponent)"
    }

    /// Three significant digits without collapsing integral values (`"3.10"`, `"25.0"`,
    /// `"100"`), for percentages.
    package static func percentDigits(_ value: Double) -> String {
        let magnitude = abs(value)
        return MetricUnit.fixed(value, decimals: magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)
    }

    /// A number for machine formats (`JSONWriter.number`): integral values without a
    /// fraction, others with Swift's shortest round-tripping representation; nil and
    /// non-finite as `null`.
    package static func json(_ value: Double?) -> String {
        value.map(JSONWriter.number) ?? "null"
    }
}
