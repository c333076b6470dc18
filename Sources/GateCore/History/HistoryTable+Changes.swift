import BenchResults
import CLISupport
import GateFormats

extension HistoryTable {
    /// The change points of the series a table shows (`history show --changes`): per
    /// benchmark, each shown metric's `SeriesChanges`, searched at level `alpha`.
    package struct Changes: Sendable {
        /// The level of each split test.
        package var alpha: Double
        /// By benchmark, the shown metrics' series in the table's order.
        package var series: [String: [SeriesChanges]]

        /// Searches every series `table` shows in `history`.
        package init(_ table: HistoryTable, history: History, alpha: Double) {
            self.alpha = alpha
            var detection = ChangeDetection(alpha: alpha)
            var series: [String: [SeriesChanges]] = [:]
            for section in table.sections {
                series[section.benchmark] = SeriesChanges.all(in: history, benchmarks: [section.benchmark], metrics: section.metrics,
                                                              detection: &detection)
            }
            self.series = series
        }

        /// The `changes` cell of `benchmark`'s run at `run` (an index in the history's
        /// entries): each step that starts a new level there, `time +9.8%`, red when worse.
        func cell(_ benchmark: String, run: Int) -> Cell {
            var worse = false
            let marks = (series[benchmark] ?? []).flatMap { series in
                series.steps.filter { series.runs[$0.index] == run }.map { step in
                    worse = worse || step.isWorse(better: series.better)
                    return "\(terminalSafe(series.metric)) \(series.changeText(from: step.before, to: step.after))"
                }
            }
            return Cell(marks.joined(separator: ", "), colour: worse ? .red : nil)
        }

        /// The lines under `benchmark`'s table: its shifts (`SeriesChanges.textLines`).
        func lines(_ benchmark: String, style: TerminalStyle) -> String {
            SeriesChanges.textLines(series[benchmark] ?? [], alpha: alpha, style: style)
        }
    }
}
