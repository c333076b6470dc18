import BenchResults
import CLISupport
import GateCore
import GateFormats

/// `memgate history show FILE [--filter REGEX] [--skip REGEX] [--metric NAME]... [--format text|json]`.
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

            Exit codes: 0 shown, 2 usage or input error (a bad line names its number; a --filter or --metric
            that matches nothing).
            """)
        spec.positional("FILE", help: "A history file written by 'memgate history append'.")
        spec.option("--filter", value: "REGEX", help: "Only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Leave out benchmarks whose name matches REGEX.")
        spec.option("--metric", value: "NAME", help: "Show this metric (allocs, time, a custom name...).", repeatable: true)
        spec.option("--format", value: "FORMAT", help: "text or json.", defaultDescription: "text")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let selection = try BenchmarkSelection(arguments)
        let format = try arguments.choice("--format", from: ["text", "json"]) ?? "text"
        let path = arguments.positionals[0]
        let history: History
        do { history = try History.read(contentsOf: path) } catch { throw CommandError(error) }
        let benchmarks = history.benchmarkNames.filter(selection.selects)
        if benchmarks.isEmpty && !history.entries.isEmpty {
            throw CommandError("no benchmark in \(path) matches the --filter and --skip given")
        }
        let requested = arguments.values("--metric")
        let present = Set(benchmarks.flatMap(history.metricNames(of:)))
        if let unknown = requested.first(where: { !present.contains($0) }), !history.entries.isEmpty {
            throw CommandError("no metric named '\(unknown)' in \(path) for the selected benchmarks (metrics there: "
                + "\(MetricID.displayOrder(present).joined(separator: ", ")))")
        }
        let metrics = requested.isEmpty ? (format == "json" ? Array(present) : nil) : requested
        let table = HistoryTable(history: history, benchmarks: benchmarks, metrics: metrics)
        context.output += format == "json" ? table.json(history: history) : table.text(name: path, style: context.stdoutStyle)
        return .pass
    }
}
