import BenchResults
import CLISupport
import GateFormats

/// The `memgate history show` view of a history: per selected benchmark, one row per run that
/// recorded it (date, commit, whether the baseline changed since the row above) and one
/// column per metric, holding the run's median.
///
///     let table = HistoryTable(history: history, benchmarks: ["json/encode"], metrics: nil)
///     print(table.text(name: "history.jsonl", style: .plain), terminator: "")
///
/// Pure: the caller reads the file and chooses the benchmarks.
package struct HistoryTable: Sendable {
    /// One benchmark's part of the table.
    package struct Section: Sendable {
        /// The benchmark.
        package var benchmark: String
        /// The metrics shown, in display order.
        package var metrics: [String]
        /// The runs that recorded the benchmark, oldest first, with the baseline-update mark.
        package var runs: [(entry: HistoryEntry, baselineUpdate: Bool)]
        /// Each run's index in the history's entries.
        package var indices: [Int]
    }

    /// The metrics shown when none are asked for, where a benchmark has them, followed by its
    /// custom metrics: the gate's headline quantities, so the table fits a terminal.
    package static let defaultMetrics: [MetricID] = [.time, .allocs, .bytes, .peakRSS, .throughput]

    /// How many runs the whole history holds.
    package let runCount: Int
    /// The oldest and newest dates, if there is a run.
    package let dateRange: (first: String, last: String)?
    /// One section per benchmark asked for, in the order given.
    package let sections: [Section]

    /// Builds the table.
    ///
    /// - Parameters:
    ///   - benchmarks: the benchmarks to show, in order (see `History.benchmarkNames`).
    ///   - metrics: the metrics to show (each where the benchmark has it); nil for
    ///     `defaultMetrics` and custom metrics, or every metric when the benchmark has none of those.
    package init(history: History, benchmarks: [String], metrics: [String]?) {
        runCount = history.entries.count
        dateRange = history.entries.first.map { ($0.date, history.entries.last!.date) }
        sections = benchmarks.map { benchmark in
            let present = history.metricNames(of: benchmark)
            let shown: [String]
            if let metrics {
                shown = present.filter(metrics.contains)
            } else {
                let headline = present.filter { name in MetricID(rawValue: name).map(Self.defaultMetrics.contains) ?? true }
                shown = headline.isEmpty ? present : headline
            }
            return Section(benchmark: benchmark, metrics: shown, runs: history.runs { $0[benchmark] != nil },
                           indices: history.entries.indices.filter { history.entries[$0][benchmark] != nil })
        }
    }

    /// The table as text: a heading line, then each section's name and its table; with
    /// `changes`, a `changes` column marking the steps and the shifts listed under each table.
    package func text(name: String, style: TerminalStyle, changes: Changes? = nil) -> String {
        var text = "\(terminalSafe(name)): \(runCount) run\(runCount == 1 ? "" : "s")"
        if let dateRange { text += ", \(terminalSafe(dateRange.first)) to \(terminalSafe(dateRange.last))" }
        text += "\n"
        guard runCount > 0 else { return text }
        text += "baseline \"updated\": the run was gated against a different baseline than the row above it.\n"
        for section in sections {
            text += "\n" + style.paint(terminalSafe(section.benchmark), nil, bold: true) + "\n"
            text += Self.table(section, changes: changes).render(style: style)
            if let changes { text += changes.lines(section.benchmark, style: style) }
        }
        return text
    }

    private static func table(_ section: Section, changes: Changes?) -> TextTable {
        let metricColumns = section.metrics.map { TextTable.Column($0, alignment: .right) }
        let changeColumn = changes == nil ? [] : [TextTable.Column("changes")]
        var table = TextTable(columns: [.init("date"), .init("commit"), .init("baseline")] + metricColumns + changeColumn)
        for (position, run) in section.runs.enumerated() {
            let summaries = run.entry[section.benchmark]?.metrics ?? [:]
            let medians = section.metrics.map { metric in
                Cell(summaries[metric].map { $0.unit.format($0.median) } ?? "-")
            }
            let commit = run.entry.commit.isEmpty ? "-" : String(run.entry.commit.prefix(10))
            let mark = run.baselineUpdate ? Cell("updated", colour: .yellow) : Cell("")
            let marks = changes.map { [$0.cell(section.benchmark, run: section.indices[position])] } ?? []
            table.addRow([Cell(run.entry.date), Cell(commit), mark] + medians + marks)
        }
        return table
    }
}
