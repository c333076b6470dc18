import BenchResults

/// A metric's median over commits: the interval as a shaded band, the medians as a line
/// (with dots when there are few enough to tell apart), every baseline update as a dashed
/// vertical marker labelled `baseline` (labels that would overlap are left out, markers
/// never), every shift of the level (`TrendSeries.changes`) as a band over its runs and a
/// solid marker labelled with its size and commit range (worse ones red), commit labels under
/// the x-axis and ticks in the metric's unit on the y-axis.
///
///     TrendChart(series: TrendSeries(metric: "time", unit: .nanosecondsPerOp, points: points)).svg()
///
/// The y-axis is logarithmic when the values span two decades or more. Points are evenly
/// spaced (one per commit, not by date). The `<title>` says how many commits, their dates,
/// the first and last medians, how many baseline updates and every change point.
package struct TrendChart: Sendable {
    /// The series drawn.
    package var series: TrendSeries

    /// Creates a chart of `series`.
    package init(series: TrendSeries) { self.series = series }

    /// Layout (pixels).
    static let width = 720.0, height = 190.0, left = 78.0, right = 710.0, top = 20.0, bottom = 150.0
    /// The most points drawn with a dot each; the most commit labels on the x-axis.
    static let dotLimit = 60, commitLabels = 8

    /// The chart as an inline SVG element; an empty series draws a note.
    package func svg() -> String {
        let points = series.points
        var out = Markup.svgOpening(width: Self.width, height: Self.height, className: "c trend", title: title)
        guard !points.isEmpty else { return out + Markup.label("no history", x: Self.left, y: Self.top + 20) + "</svg>" }
        let values = points.flatMap { [$0.value, $0.low, $0.high] }
        let y = ChartScale.fitting(values, pixels: Self.top...Self.bottom, reversed: true, tickCount: 5)
        let step = points.count > 1 ? (Self.right - Self.left) / Double(points.count - 1) : 0
        let x = { (index: Int) in points.count > 1 ? Self.left + Double(index) * step : (Self.left + Self.right) / 2 }
        out += ChartAxis.vertical(y, x: Self.left, gridRight: Self.right) { series.unit.format($0) }
        out += Markup.line(Self.left, Self.bottom, Self.right, Self.bottom, className: "ax")
        let upper = points.indices.map { "\(Markup.number(x($0))),\(Markup.number(y.position(points[$0].high)))" }
        let lower = points.indices.reversed().map { "\(Markup.number(x($0))),\(Markup.number(y.position(points[$0].low)))" }
        out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" class=\"tb\"/>"
        let line = points.indices.map { "\(Markup.number(x($0))),\(Markup.number(y.position(points[$0].value)))" }
        out += "<polyline points=\"\(line.joined(separator: " "))\" class=\"tl\"/>"
        if points.count <= Self.dotLimit {
            let dots = points.indices.map { "M\(Markup.number(x($0) - 2)) \(Markup.number(y.position(points[$0].value)))h4" }
            out += "<path d=\"\(dots.joined())\" class=\"td\"/>"
        }
        out += baselineMarkers(x)
        out += changeMarkers(x)
        out += commitLabels(x)
        return out + "</svg>"
    }

    /// A dashed line at every baseline update, with a `baseline` label where it fits.
    private func baselineMarkers(_ x: (Int) -> Double) -> String {
        var out = "", lastLabel = -Double.infinity
        for (index, point) in series.points.enumerated() where point.baselineUpdate {
            let position = x(index)
            out += Markup.line(position, Self.top - 6, position, Self.bottom, className: "bu")
            if position - lastLabel >= 60 {
                out += Markup.label("baseline", x: position + 2, y: Self.top - 8, className: "bt")
                lastLabel = position
            }
        }
        return out
    }

    /// Each shift: a band over the runs it spans (from the last point at the old level to the
    /// first at the new one), a solid line at its first point at the new level and, where it
    /// fits, its size and commit range (`+21.9% a1b2c3d..e4f5a6b`) inside the plot, below the
    /// baseline labels; worse shifts in the failure colour.
    private func changeMarkers(_ x: (Int) -> Double) -> String {
        var out = "", lastLabelEnd = -Double.infinity, row = 0
        for change in series.changes {
            let kind = change.worse ? "cw" : "cg"
            let start = x(change.from), end = x(change.to)
            out += "<rect x=\"\(Markup.number(start))\" y=\"\(Markup.number(Self.top))\" width=\"\(Markup.number(end - start))\" "
                + "height=\"\(Markup.number(Self.bottom - Self.top))\" class=\"cb \(kind)\"/>"
            out += Markup.line(end, Self.top, end, Self.bottom, className: "cp \(kind)")
            // About 5.5 px a character at 10 px; right-anchored near the right edge.
            let width = Double(change.label.count) * 5.5, rightAligned = end + 2 + width > Self.right
            let left = rightAligned ? end - 2 - width : end + 2
            row = left < lastLabelEnd ? row + 1 : 0
            guard row < 3 else { continue }
            out += Markup.label(change.label, x: rightAligned ? end - 2 : end + 2, y: Self.top + 10 + Double(row) * 11,
                                anchor: rightAligned ? "end" : nil, className: "ct \(kind)")
            lastLabelEnd = max(lastLabelEnd, left + width)
        }
        return out
    }

    /// Up to `commitLabels` short commit labels, evenly spread, first and last included.
    private func commitLabels(_ x: (Int) -> Double) -> String {
        let count = series.points.count
        let every = max(1, Int((Double(count - 1) / Double(Self.commitLabels - 1)).rounded(.up)))
        var indices = Array(stride(from: 0, to: count, by: every))
        if indices.last != count - 1 {
            if let last = indices.last, count - 1 - last < every / 2 { indices.removeLast() }
            indices.append(count - 1)
        }
        return indices.map { index in
            let point = series.points[index], position = x(index)
            return Markup.line(position, Self.bottom, position, Self.bottom + 3, className: "ax")
                + Markup.label(point.label, x: position, y: Self.bottom + 14, anchor: "middle", className: "tk")
                + Markup.label(String(point.date.prefix(10)), x: position, y: Self.bottom + 26, anchor: "middle", className: "tk")
        }.joined()
    }

    /// The text alternative.
    private var title: String {
        let points = series.points
        guard let first = points.first, let last = points.last else { return "\(series.metric) over commits: no history." }
        let updates = points.count { $0.baselineUpdate }
        let changes = series.changes.isEmpty ? "no change points"
            : "change points: " + series.changes.map { "\($0.label)\($0.worse ? " (worse)" : "")" }.joined(separator: ", ")
        return "\(series.metric) median over \(points.count) commits, "
            + "\(first.label) (\(first.date)) to \(last.label) (\(last.date)): "
            + "\(series.unit.format(first.value)) to \(series.unit.format(last.value)); "
            + "\(updates) baseline update\(updates == 1 ? "" : "s") marked; \(changes)."
    }
}
