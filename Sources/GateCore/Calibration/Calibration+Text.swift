import BenchStatistics
import CLISupport

extension Calibration {
    /// The calibration as text: one row per gated noisy metric and per unstable exact
    /// metric (every row with `all`), then the A/A verdicts and the recommended
    /// configuration.
    package func renderText(style: TerminalStyle, all: Bool) -> String {
        var table = TextTable(columns: [
            .init("benchmark"), .init("metric"), .init("rounds", alignment: .right), .init("spread", alignment: .right),
            .init("A/A change", alignment: .right), .init("wander p99", alignment: .right),
            .init("detectable", alignment: .right), .init("threshold", alignment: .right), .init("A/A verdict"),
        ])
        func percent(_ value: Double?) -> String {
            value.map { "\(MetricFormat.percentDigits($0 * 100))%" } ?? "-"
        }
        func signed(_ value: Double?) -> String {
            value.map { ($0 >= 0 ? "+" : "") + "\(MetricFormat.percentDigits($0 * 100))%" } ?? "-"
        }
        func detectable(_ row: Row) -> String {
            if let change = row.detectable { return percent(change) }
            let needed = SampleSizeEstimate.minimumForSignificance(alpha: level)
            return min(row.rounds.a, row.rounds.b) < needed ? "needs \(needed) rounds" : "> 200%"
        }
        var shown = 0
        for row in rows {
            let gatedNoisy = !row.exact && !row.threshold.isOff && row.verdict != .reported
            let unstable = row.exact && (row.shift ?? 0) > 0
            guard all || gatedNoisy || unstable else { continue }
            shown += 1
            let verdict = row.verdict == .regression || row.verdict == .inconclusive
                ? Cell(row.verdict.label, colour: .red) : Cell(row.verdict.label)
            table.addRow([
                Cell(row.benchmark), Cell(row.metric), Cell("\(row.rounds.a)+\(row.rounds.b)"), Cell("±" + percent(row.spread)),
                Cell(row.exact ? (unstable ? "shift " + percent(row.shift) : "stable") : signed(row.change)),
                Cell(percent(row.wander)), Cell(row.exact ? "-" : detectable(row)),
                Cell(row.threshold.text), verdict,
            ])
        }
        var out = shown > 0 ? table.render(style: style) : "(no gated noisy metric and no unstable exact metric)\n"
        let hidden = rows.count - shown
        if hidden > 0 { out += "(\(hidden) stable or ungated rows hidden; --all shows them)\n" }
        let seen = report.counts.regressions + report.counts.inconclusive
        out += "\nA/A check of these rounds (pool A as base, pool B as head, one look): \(report.summaryLine)\n"
        out += "False alarms seen: \(seen) row\(seen == 1 ? "" : "s") (exit \(report.exitCode(policy: .report).rawValue) at one look; "
            + "refs runs more rounds for inconclusive rows).\n"
        let rate = Double(splitFalseAlarms) / Double(Calibration.splits) * 100
        out += "Resampled: \(splitFalseAlarms) of \(Calibration.splits) random splits of these rounds exit non-zero at one look "
            + "(\(MetricFormat.percentDigits(rate))%).\n"
        out += "\nRecommended configuration (--write merges it into the config file):\n" + recommendation.json
        return out
    }
}
