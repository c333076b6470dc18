import BenchResults
import CLISupport

extension HistoryCheck {
    /// The text report: a heading (the file, its runs), one paragraph per finding (regressed
    /// ones in red), the series not checked and why, a note on the newest runs, and a last
    /// line with the outcome. Names are escaped for the terminal.
    package func text(name: String, style: TerminalStyle) -> String {
        var text = "\(terminalSafe(name)): \(runCount) run\(runCount == 1 ? "" : "s"), \(checked) series checked since their last "
            + "baseline update (alpha \(MetricFormat.pValue(alpha)))"
            + (notGated > 0 ? ", \(notGated) not gated (threshold off or noisy policy report)" : "") + "\n"
        for finding in findings {
            text += Self.paragraph(finding, family: rankJudged, style: style)
        }
        for series in unchecked {
            text += "not checked: \(terminalSafe(series.benchmark)) \(terminalSafe(series.metric)): not enough runs since the last "
                + "baseline update to look for change points (\(series.runsSinceUpdate) < \(series.needed))\n"
        }
        if rankJudged > 0 {
            let pending = RankChanges.minimumSegment - 1
            text += "Noisy metrics: a change needs \(RankChanges.minimumSegment) runs after it to be seen; the newest \(pending) runs "
                + "are judged by the checks that follow.\n"
        }
        let regressions = findings.count(where: \.regressed)
        let outcome = regressions > 0
            ? style.paint("FAIL", .red, bold: true) + ": \(regressions) of \(checked) series worse than the threshold since the last "
                + "baseline update"
            : style.paint("PASS", .green, bold: true) + ": no series worse than its threshold since its last baseline update "
                + "(\(checked) checked\(unchecked.isEmpty ? "" : ", \(unchecked.count) not checked: too few runs"))"
        return text + outcome + "\n"
    }

    /// One finding: `REGRESSED bench/0 time: 1.00 µs/op to 1.22 µs/op (+22.0%, threshold 10%)
    /// since the baseline update at run 12`, then where it got worse and the evidence.
    private static func paragraph(_ finding: Finding, family: Int, style: TerminalStyle) -> String {
        let series = finding.series, span = finding.span
        let word = finding.regressed ? style.paint("REGRESSED", .red, bold: true) : style.paint("not significant", .yellow)
        let since = finding.update == 0 && !series.points[0].baselineUpdate
            ? "since run \(series.runNumber(0)) (no baseline update in the history)"
            : "since the baseline update at run \(series.runNumber(finding.update))"
        var text = "\(word) \(terminalSafe(series.benchmark)) \(terminalSafe(series.metric)): "
            + "\(series.unit.format(finding.levelAtUpdate)) to \(series.unit.format(finding.levelNow)) "
            + "(\(series.changeText(from: finding.levelAtUpdate, to: finding.levelNow)), threshold \(finding.threshold)) \(since)\n"
        let steps = span.steps.count == 1 ? "1 step" : "\(span.steps.count) steps"
        text += "    worse \(series.runSpan(span)) in \(steps), commits \(terminalSafe(series.range(span)))"
        if let p = finding.pValue, let adjusted = finding.adjustedPValue {
            text += ", p=\(MetricFormat.pValue(p))" + (family > 1 ? " (Holm over \(family) series: \(MetricFormat.pValue(adjusted)))" : "")
        } else {
            text += ", exact"
        }
        return text + " [\(series.methodText)]\n"
    }
}
