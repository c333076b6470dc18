import BenchResults
import CLISupport
import GateCore
import GateFormats

/// `memgate history show FILE [--filter REGEX] [--skip REGEX] [--metric NAME]... [--changes [--alpha P]] [--format text|json]`.
struct HistoryShowCommand: Subcommand {
    static let name = "show"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate history show", summary: "Print the runs of a history file: per benchmark, one row per run.",
            usage: "memgate history show [options] FILE",
            discussion: """
            Each row is a run: its date, commit, "updated" when it was gated against a different baseline
            than the row above it, and the median of each metric. Without --metric the table shows time,
            allocs, bytes, peakRSS, throughput and custom metrics (every metric for a benchmark with none of
            those); --format json gives every metric's series (median, min, max per run) unless --metric is given.

            --changes marks where each shown metric's series shifted: a "changes" column at the run where a
            new level starts, and under each table one line per shift with its size (the level after over
            the level before), whether it is worse, the runs and the commit range A..B that can have caused
            it (after A, up to and including B; a gradual shift spans several steps) and the evidence: exact
            metrics change wherever their median does; other series by binary segmentation with a seeded
            rank permutation test at level --alpha per split, 5 runs at least on each side of a change.
            docs/thresholds.md ("Change points over history") has the method and its error rates.

            Exit codes: 0 shown, 2 usage or input error (a bad line names its number; a --filter or --metric
            that matches nothing).
            """)
        spec.positional("FILE", help: "A history file written by 'memgate history append'.")
        HistorySelection.declare(on: &spec, metricHelp: "Show this metric (allocs, time, a custom name...).")
        spec.flag("--changes", help: "Mark the change points of each shown metric's series (text and json).")
        spec.option("--alpha", value: "P", help: "With --changes: the level of each split test, in [1e-5, 0.5].",
                    defaultDescription: "0.01")
        spec.option("--format", value: "FORMAT", help: "text or json.", defaultDescription: "text")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let format = try arguments.choice("--format", from: ["text", "json"]) ?? "text"
        let alpha = try arguments.double("--alpha", in: ChangeDetection.smallestAlpha...GateConfig.alphaRange.upperBound)
        if alpha != nil && !arguments.flag("--changes") { throw arguments.usageError("--alpha sets the level of --changes; add --changes") }
        let selection = try HistorySelection(arguments)
        let history = selection.history, requested = selection.requested
        let metrics = requested.isEmpty ? (format == "json" ? Array(selection.present) : nil) : requested
        let table = HistoryTable(history: history, benchmarks: selection.benchmarks, metrics: metrics)
        var changes: HistoryTable.Changes?
        if arguments.flag("--changes") {
            changes = HistoryTable.Changes(table, history: history, alpha: alpha ?? GateDefaults.alpha)
        }
        context.output += format == "json"
            ? table.json(history: history, changes: changes)
            : table.text(name: selection.path, style: context.stdoutStyle, changes: changes)
        return .pass
    }
}
