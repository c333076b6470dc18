import Foundation

extension MetricUnit {
    /// Formats `value` in this unit with three significant digits and a scaled prefix.
    ///
    /// Values below 1000 of their base unit keep up to two decimals (`"0.25 allocs/op"`,
    /// `"12.0 allocs/op"` prints as `"12 allocs/op"` when the value is integral).
    /// Non-finite values print as `"-"`.
    package func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let (scaled, prefix) = scaledValue(value)
        return "\(MetricUnit.threeDigits(scaled)) \(prefix)\(suffix)"
    }

    /// The value divided into the largest step of this unit's scale that keeps it >= 1
    /// (`Scale.steps`), and the name of that step (`"µs"`, `"MiB"`, `"k allocs"`).
    package func scaledValue(_ value: Double) -> (Double, String) {
        let magnitude = abs(value)
        let steps = scale.steps
        let step = steps.first { magnitude >= $0.factor } ?? steps[steps.count - 1]
        guard scale == .decimal else { return (value / step.factor, step.name) }
        return (value / step.factor, step.name.isEmpty ? String(base) : "\(step.name) \(base)")
    }

    /// Three significant digits, trailing zeros dropped for integral values below 1000.
    ///
    ///     threeDigits(12)       // "12"
    ///     threeDigits(1.23456)  // "1.23"
    ///     threeDigits(999.96)   // "1000"
    package static func threeDigits(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        return fixed(value, decimals: decimals)
    }

    /// An elapsed time for a one-line summary, to a tenth of a second: `elapsed(5.68)` is `"5.7 s"`.
    package static func elapsed(_ seconds: Double) -> String { "\(fixed(seconds, decimals: 1)) s" }

    /// `value` rounded half away from zero to `decimals` places: `fixed(2.25, decimals: 1)` is `"2.3"`.
    /// Total over every Double: magnitudes of 10^15 and more (where whole numbers stop
    /// being exact) print in scientific notation with three significant digits (`1.00e28`),
    /// non-finite values as `"-"`.
    package static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let rounded = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard rounded < 1e15 else { return scientific(value) }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(Int64(rounded)) }
        let whole = Int64(rounded) / Int64(factor)
        var fraction = String(Int64(rounded) % Int64(factor))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    /// `value` (finite) with three significant digits and a decimal exponent: `1.23e28`,
    /// `-1.00e308`.
    package static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        guard value != 0 else { return "0.00e0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = abs(value) / pow(10, Double(exponent))
        if !mantissa.isFinite || mantissa == 0 { mantissa = 1 }  // Subnormal edges.
        if (mantissa * 100).rounded(.toNearestOrAwayFromZero) >= 1000 {
            mantissa /= 10
            exponent += 1
        } else if mantissa < 1 {
            mantissa *= 10
            exponent -= 1
        }
        return "\(value < 0 ? "-" : "")\(fixed(mantissa, decimals: 2))e\(exponent)"
    }
}
