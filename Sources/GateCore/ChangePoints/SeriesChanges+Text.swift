import BenchResults
import CLISupport

extension SeriesChanges {
    /// A change from `from` to `to` in this series' unit: `+22.0%`, `-4.00%`, or the signed
    /// difference when `from` is 0 (`+1 allocs/op`).
    package func changeText(from: Double, to: Double) -> String {
        guard from != 0 else { return (to - from > 0 ? "+" : "") + unit.format(to - from) }
        let percent = (to / from - 1) * 100
        return percent == 0 ? "0%" : (percent > 0 ? "+" : "") + MetricFormat.percentDigits(percent) + "%"
    }

    /// `shift` in words: `+22.0% worse (100 ns/op to 122 ns/op), runs 35 to 46 in 2 steps,
    /// commits 0000000035..0000000046, p=0.0005` (`exact` for an exact change).
    package func describe(_ shift: Shift) -> String {
        let direction = shift.isWorse(better: better) ? "worse" : "better"
        let steps = shift.steps.count == 1 ? "" : " in \(shift.steps.count) steps"
        return "\(changeText(from: shift.from, to: shift.to)) \(direction) (\(unit.format(shift.from)) to \(unit.format(shift.to))), "
            + "\(runSpan(shift))\(steps), commits \(range(shift)), \(evidence(shift.pValue))"
    }

    /// `runs 35 to 46`: the last run at the old level and the first at the new one.
    package func runSpan(_ shift: Shift) -> String {
        "runs \(runNumber(shift.lastBefore)) to \(runNumber(shift.firstAfter))"
    }

    /// `p=0.0005`, or `exact` for an exact change (nil).
    package func evidence(_ pValue: Double?) -> String {
        pValue.map { "p=\(MetricFormat.pValue($0))" } ?? "exact"
    }

    /// The method in words, for headings and notes.
    package var methodText: String {
        switch method {
        case .exact: "exact: every change of the median"
        case .rank: exact ? "rank test (an exact metric whose counts vary between processes)" : "rank test"
        }
    }

    /// The lines `history show --changes` prints under a benchmark's table: one per shift of
    /// each series (`metric  +22.0% worse (...)`), worse ones in red, or a line saying there
    /// were none. Names are escaped for the terminal.
    package static func textLines(_ all: [SeriesChanges], alpha: Double, style: TerminalStyle) -> String {
        let shifts = all.flatMap { series in series.shifts.map { (series, $0) } }
        guard !shifts.isEmpty else { return "no change points (alpha \(MetricFormat.pValue(alpha)))\n" }
        let width = shifts.map { displayWidth(of: terminalSafe($0.0.metric)) }.max() ?? 0
        var text = "change points (alpha \(MetricFormat.pValue(alpha)); exact metrics: every change of the median):\n"
        for (series, shift) in shifts {
            let name = terminalSafe(series.metric)
            let padded = name + String(repeating: " ", count: max(0, width - displayWidth(of: name)))
            let line = series.describe(shift)
            text += "  \(padded)  " + (shift.isWorse(better: series.better) ? style.paint(line, .red) : line) + "\n"
        }
        return text
    }
}
