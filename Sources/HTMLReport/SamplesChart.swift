import BenchResults
import DescriptiveStatistics

/// One metric's baseline and current samples as a dot plot on one axis: baseline samples as
/// hollow squares on the upper row, current samples as filled diamonds on the lower row,
/// each row's median as a tall tick, rows labelled `base` and `curr` (shape and text carry
/// the distinction, not only colour).
///
///     SamplesChart(metric: "allocs", unit: .allocationsPerOp, baseline: [3, 3], current: [4, 4]).svg()
///
/// The axis is logarithmic when the values span two decades or more (`ChartScale.fitting`),
/// with ticks in the metric's unit (`MetricUnit.format`). The `<title>` states both medians,
/// ranges and sample counts in words.
package struct SamplesChart: Sendable {
    /// The metric's name (for the title).
    package var metric: String
    /// The unit of every sample.
    package var unit: MetricUnit
    /// The baseline's samples (may be empty when the metric is new).
    package var baseline: [Double]
    /// The current samples (may be empty when the metric is missing).
    package var current: [Double]

    /// Creates a chart.
    package init(metric: String, unit: MetricUnit, baseline: [Double], current: [Double]) {
        self.metric = metric
        self.unit = unit
        self.baseline = baseline
        self.current = current
    }

    /// Layout (pixels): width, height, the plot's left and right ends; then the heights of the
    /// two rows and of the axis.
    static let width = 360.0, height = 58.0, left = 40.0, right = 320.0
    static let rows = (baseline: 12.0, current: 28.0), axis = 40.0

    /// The chart as an inline SVG element.
    package func svg() -> String {
        let values = baseline + current
        let (step, smallest) = tickSteps(values)
        let scale = ChartScale.fitting(values, pixels: Self.left...Self.right, tickUnit: step, tickCount: 4, minimumStep: smallest)
        var out = Markup.svgOpening(width: Self.width, height: Self.height, className: "c samples", title: title(scale))
        out += Markup.label("base", x: 2, y: Self.rows.baseline + 3.5, className: "rl")
        out += Markup.label("curr", x: 2, y: Self.rows.current + 3.5, className: "rl")
        out += ChartAxis.horizontal(scale, y: Self.axis, gridTop: 4) { unit.format($0) }
        out += row(baseline, y: Self.rows.baseline, scale: scale, className: "sb") { x, y in
            "M\(Markup.number(x - 3)) \(Markup.number(y - 3))h6v6h-6z"
        }
        out += row(current, y: Self.rows.current, scale: scale, className: "sc") { x, y in
            "M\(Markup.number(x)) \(Markup.number(y - 4))l4 4-4 4-4-4z"
        }
        return out + "</svg>"
    }

    /// One row: a path of markers and a median tick.
    private func row(
        _ samples: [Double], y: Double, scale: ChartScale, className: String, marker: (Double, Double) -> String
    ) -> String {
        guard let median = Descriptive.median(samples) else {
            return Markup.label("no samples", x: Self.left + 4, y: y + 3.5, className: "rl")
        }
        let path = samples.map { marker(scale.position($0), y) }.joined()
        let x = scale.position(median)
        return "<path d=\"\(path)\" class=\"\(className)\"/>" + Markup.line(x, y - 7, x, y + 7, className: "md")
    }

    /// Linear ticks fall on round values of the unit's display step (µs for 1,500 ns), and
    /// no closer than the last digit `MetricUnit.format` prints (1 for 480, 0.01 for 4.8), so
    /// every tick label differs from its neighbours.
    private func tickSteps(_ values: [Double]) -> (unit: Double, smallest: Double) {
        let magnitude = values.map(abs).max() ?? 0
        let (scaled, _) = unit.scaledValue(magnitude)
        guard scaled != 0, magnitude != 0 else { return (1, 0) }
        let factor = magnitude / scaled
        let digit = abs(scaled) >= 100 ? 1 : abs(scaled) >= 10 ? 0.1 : 0.01
        return (factor, digit * factor)
    }

    /// The text alternative: both sides' medians, ranges and counts, and the scale.
    private func title(_ scale: ChartScale) -> String {
        func side(_ name: String, _ samples: [Double]) -> String {
            guard let median = Descriptive.median(samples), let low = samples.min(), let high = samples.max() else {
                return "\(name): no samples"
            }
            return "\(name): median \(unit.format(median)), range \(unit.format(low)) to \(unit.format(high)), \(samples.count) samples"
        }
        return "\(metric) samples (\(scale.kind == .log ? "log" : "linear") scale). "
            + side("Baseline", baseline) + "; " + side("current", current) + "."
    }
}
