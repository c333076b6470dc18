/// The axes the report's charts draw: a line with tick marks and a label under (or beside)
/// each tick, labels formatted by the caller (a `MetricUnit`, a percentage).
///
/// Grid lines are drawn across the plot from each tick, in a light class, so values can be
/// read off without colour. Tick marks and grid lines are one `<path>` each (a report of
/// 1,000 benchmarks draws thousands of axes).
package enum ChartAxis {
    /// A horizontal axis at height `y`: a line along `scale`'s pixels, ticks, labels below
    /// (`y + 12`), and grid lines up to `gridTop` when given.
    package static func horizontal(_ scale: ChartScale, y: Double, gridTop: Double? = nil, label: (Double) -> String) -> String {
        let positions = scale.ticks.map(scale.position)
        let start = Markup.number(scale.pixels.start), end = Markup.number(scale.pixels.end), row = Markup.number(y)
        var out = ""
        if let gridTop {
            let top = Markup.number(gridTop)
            out += path(positions.map { "M\(Markup.number($0)) \(top)V\(row)" }, className: "gr")
        }
        out += path(["M\(start) \(row)H\(end)"] + positions.map { "M\(Markup.number($0)) \(row)v3" }, className: "ax")
        for (tick, x) in zip(scale.ticks, positions) {
            out += Markup.label(label(tick), x: x, y: y + 12, anchor: "middle", className: "tk")
        }
        return out
    }

    /// A vertical axis at `x`: a line along `scale`'s pixels, ticks, labels to its left
    /// (right-aligned), and grid lines across to `gridRight` when given.
    package static func vertical(_ scale: ChartScale, x: Double, gridRight: Double? = nil, label: (Double) -> String) -> String {
        let positions = scale.ticks.map(scale.position)
        let column = Markup.number(x)
        var out = ""
        if let gridRight {
            let right = Markup.number(gridRight)
            out += path(positions.map { "M\(column) \(Markup.number($0))H\(right)" }, className: "gr")
        }
        let axis = "M\(column) \(Markup.number(scale.pixels.start))V\(Markup.number(scale.pixels.end))"
        out += path([axis] + positions.map { "M\(Markup.number(x - 3)) \(Markup.number($0))h3" }, className: "ax")
        for (tick, y) in zip(scale.ticks, positions) {
            out += Markup.label(label(tick), x: x - 5, y: y + 3.5, anchor: "end", className: "tk")
        }
        return out
    }

    /// One `<path>` of the given subpaths.
    static func path(_ subpaths: [String], className: String) -> String {
        "<path d=\"\(subpaths.joined())\" class=\"\(className)\"/>"
    }
}
