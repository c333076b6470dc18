import BenchResults

/// How far a metric may move in its worse direction before the move counts.
///
///     try Threshold(parsing: "10%")          // relative: more than 10% worse
///     try Threshold(parsing: "+2")           // absolute: more than 2 units worse
///     try Threshold(parsing: "+1MiB")        // absolute with a unit: 1,048,576 B
///     try Threshold(parsing: "10% +1MiB")    // both: must exceed 10% AND 1 MiB
///     try Threshold(parsing: "+0")           // any increase at all
///     try Threshold(parsing: "off")          // report only, never gate
///
/// A change is measured from the baseline value `b` to the current value `c` in the
/// metric's worse direction (`c - b` when lower is better, `b - c` when higher is better).
/// It exceeds the threshold when it is greater than every part that is set: the relative
/// part `fraction * |b|` and the absolute part `amount`. (A baseline of 0 makes any
/// worsening exceed a relative part.) A tiny tolerance of 1e-9 relative absorbs
/// floating-point noise in per-op values, so `+0` means "any real increase".
package struct Threshold: Sendable, Equatable, CustomStringConvertible {
    /// The relative part as a fraction (0.1 for 10%), if any.
    package var fraction: Double?
    /// The absolute part in the metric's base unit (ns, B, or the unit itself), if any.
    package var amount: Double?
    /// What the absolute part was written in, to check it against the metric's unit.
    package var amountUnit: AmountUnit
    /// Whether the metric is only reported, never gated.
    package var isOff: Bool
    /// The text this threshold was parsed from (or an equivalent canonical form).
    package var text: String

    /// The kind of unit an absolute amount was written with.
    package enum AmountUnit: String, Sendable, Equatable {
        /// No unit (`+2`): the metric's own unit.
        case plain
        /// B, KiB, MiB, GiB: only for metrics whose unit is bytes.
        case bytes
        /// ns, us, µs, ms, s: only for metrics whose unit is nanoseconds.
        case time
    }

    /// Report only.
    package static let off = Threshold(fraction: nil, amount: nil, amountUnit: .plain, isOff: true, text: "off")

    /// A relative threshold of `percent` percent.
    package static func percent(_ percent: Double) -> Threshold {
        Threshold(fraction: percent / 100, amount: nil, amountUnit: .plain, isOff: false, text: "\(Threshold.number(percent))%")
    }

    /// An absolute threshold of `amount` in the metric's own unit (`+0`: any increase).
    package static func absolute(_ amount: Double) -> Threshold {
        Threshold(fraction: nil, amount: amount, amountUnit: .plain, isOff: false, text: "+\(Threshold.number(amount))")
    }

    package var description: String { text }

    /// Whether moving from `baseline` to `current` is worse by more than this threshold.
    ///
    /// - Parameters:
    ///   - baseline: the reference value.
    ///   - current: the new value.
    ///   - better: which direction is an improvement.
    /// - Returns: false when the threshold is off.
    package func isExceeded(from baseline: Double, to current: Double, better: MetricDirection) -> Bool {
        guard !isOff else { return false }
        let worsening = better == .lower ? current - baseline : baseline - current
        let tolerance = 1e-9 * max(abs(baseline), abs(current))
        guard worsening > tolerance else { return false }
        if let fraction, !(worsening > fraction * abs(baseline) + tolerance) { return false }
        if let amount, !(worsening > amount + tolerance) { return false }
        return true
    }

    /// Whether moving from `baseline` to `current` is better by more than this threshold
    /// (the mirror image of `isExceeded`: an improvement worth tightening the baseline for).
    package func isImprovedBeyond(from baseline: Double, to current: Double, better: MetricDirection) -> Bool {
        isExceeded(from: baseline, to: current, better: better == .lower ? .higher : .lower)
    }

    /// This threshold with its relative part raised to at least `fraction` (the absolute
    /// part kept): what an unstable exact metric's medians must exceed. `off` stays off.
    package func widened(toFraction fraction: Double) -> Threshold {
        guard !isOff, fraction > (self.fraction ?? 0) else { return self }
        return withFraction(fraction)
    }

    /// This threshold with its relative part set to `fraction` and its absolute part, as
    /// written, kept (`"10% +1MiB"` with 0.05 is `"5% +1MiB"`); gating even if it was off.
    package func withFraction(_ fraction: Double) -> Threshold {
        var result = self
        result.isOff = false
        result.fraction = fraction
        let written = text.split(separator: " ").first { !$0.hasSuffix("%") && $0 != "off" }.map(String.init)
        let absolute = amount.map { written ?? "+\(Threshold.number($0))" }
        result.text = "\(Threshold.number((fraction * 100 * 1e9).rounded() / 1e9))%" + (absolute.map { " " + $0 } ?? "")
        return result
    }

    /// Whether the absolute part (if any) can apply to a metric measured in `unit`.
    package func isCompatible(with scale: MetricUnit.Scale) -> Bool {
        switch amountUnit {
        case .plain: true
        case .bytes: scale == .binaryBytes
        case .time: scale == .time
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// Which direction of change is an improvement (mirrors `Metric.Better`).
package typealias MetricDirection = BenchResults.Metric.Better
