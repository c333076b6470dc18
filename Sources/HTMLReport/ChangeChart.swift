import BenchResults
import GateCore

/// One metric's change (current against baseline, in percent) with its confidence interval,
/// drawn against the threshold band: the band (grey, labelled `within ±T%`) is where a change
/// neither fails nor counts as an improvement; the change is a diamond, its interval a line
/// with end caps, 0% a dashed line.
///
///     ChangeChart(change: 0.12, interval: 0.08...0.16, threshold: 0.05, verdict: .regression).svg()
///
/// Ticks are signed percentages. The `<title>` says the change, the interval, the band and
/// the verdict in words.
package struct ChangeChart: Sendable {
    /// `current / baseline - 1`.
    package var change: Double
    /// The change's confidence interval (noisy metrics), as changes.
    package var interval: ClosedRange<Double>?
    /// The half-width of the band within the threshold, as a fraction of the baseline;
    /// nil when the metric is not gated (threshold `off`).
    package var threshold: Double?
    /// The row's verdict (its marker's class and the title).
    package var verdict: Verdict

    /// Creates a chart.
    package init(change: Double, interval: ClosedRange<Double>?, threshold: Double?, verdict: Verdict) {
        self.change = change
        self.interval = interval
        self.threshold = threshold
        self.verdict = verdict
    }

    /// The chart of `row`, or nil when the row has no relative change (a side is missing or
    /// the baseline is 0).
    ///
    /// The band's half-width is the larger of the threshold's parts, the relative one and the
    /// absolute one as a fraction of the baseline (a change must exceed both to count); the
    /// interval is the ratio's, `(1 + change)(1 ± plusMinus) - 1`.
    package init?(_ row: MetricComparison) {
        guard let change = row.change, let baseline = row.baseline, baseline != 0 else { return nil }
        var interval: ClosedRange<Double>?
        if let plusMinus = row.plusMinus, plusMinus.isFinite {
            let low = (1 + change) * (1 - plusMinus) - 1, high = (1 + change) * (1 + plusMinus) - 1
            interval = min(low, high)...max(low, high)
        }
        let threshold = row.threshold
        let band: Double? = threshold.isOff
            ? nil : max(threshold.fraction ?? 0, (threshold.amount ?? 0) / abs(baseline))
        self.init(change: change, interval: interval, threshold: band, verdict: row.verdict)
    }

    /// Layout (pixels).
    static let width = 270.0, height = 50.0, left = 22.0, right = 248.0, pointY = 18.0, axis = 32.0

    /// The chart as an inline SVG element.
    package func svg() -> String {
        var values = [0, change * 100]
        if let interval { values += [interval.lowerBound * 100, interval.upperBound * 100] }
        if let threshold { values += [-threshold * 100, threshold * 100] }
        let scale = ChartScale.fitting(values.filter(\.isFinite).map { min(max($0, -1e6), 1e6) }, pixels: Self.left...Self.right)
        let linear = scale.kind == .linear ? scale : ChartScale(linearCovering: scale.domain, pixels: scale.pixels)
        var out = Markup.svgOpening(width: Self.width, height: Self.height, className: "c change", title: title)
        if let threshold {
            let x0 = linear.position(-threshold * 100), x1 = linear.position(threshold * 100)
            out += "<rect x=\"\(Markup.number(x0))\" y=\"4\" width=\"\(Markup.number(max(x1 - x0, 1)))\" height=\"24\" class=\"band\"/>"
            out += bandLabel("within ±\(Self.percent(threshold * 100, signed: false))", from: x0, to: x1)
        }
        out += ChartAxis.horizontal(linear, y: Self.axis) { Self.percent($0, signed: true) }
        let zero = linear.position(0)
        out += Markup.line(zero, 4, zero, Self.axis, className: "zr")
        if let interval {
            let a = linear.position(interval.lowerBound * 100), b = linear.position(interval.upperBound * 100)
            let y = Self.pointY
            out += "<path d=\"M\(Markup.number(a)) \(Markup.number(y - 4))v8M\(Markup.number(a)) \(Markup.number(y))"
                + "H\(Markup.number(b))M\(Markup.number(b)) \(Markup.number(y - 4))v8\" class=\"iv\"/>"
        }
        let x = linear.position(change * 100)
        out += "<path d=\"M\(Markup.number(x)) \(Markup.number(Self.pointY - 5))l5 5-5 5-5-5z\" class=\"pt \(verdict.rawValue)\"/>"
        return out + "</svg>"
    }

    /// The band's label: centred in the band when it fits, else beside it where there is room.
    private func bandLabel(_ text: String, from x0: Double, to x1: Double) -> String {
        if x1 - x0 >= 64 { return Markup.label(text, x: (x0 + x1) / 2, y: 11, anchor: "middle", className: "bl") }
        if x1 + 64 <= Self.width { return Markup.label(text, x: x1 + 3, y: 11, anchor: "start", className: "bl") }
        return Markup.label(text, x: x0 - 3, y: 11, anchor: "end", className: "bl")
    }

    /// The text alternative.
    private var title: String {
        var text = "Change \(Self.percent(change * 100, signed: true))"
        if let interval {
            let low = Self.percent(interval.lowerBound * 100, signed: true), high = Self.percent(interval.upperBound * 100, signed: true)
            text += ", interval \(low) to \(high)"
        }
        text += threshold.map { "; threshold band ±\(Self.percent($0 * 100, signed: false))" } ?? "; not gated (no threshold band)"
        return text + "; verdict \(verdict.label)."
    }

    /// A percentage with three significant digits, signed when asked (`+12.5%`, `-3%`, `0%`).
    static func percent(_ value: Double, signed: Bool) -> String {
        let text = MetricUnit.threeDigits(value) + "%"
        return signed && value > 0 ? "+" + text : text
    }
}
