import BenchResults
import CLISupport
import GateFormats

/// What `history show` and `history check` read from their arguments: the history file
/// (`FILE`), the benchmarks `--filter` and `--skip` select in it, and the `--metric`s asked for.
struct HistorySelection {
    /// The file as given.
    var path: String
    /// The history read.
    var history: History
    /// The selected benchmarks, in order of first appearance.
    var benchmarks: [String]
    /// The `--metric` values, each present for the selected benchmarks; empty when none given.
    var requested: [String]
    /// Every metric the selected benchmarks recorded.
    var present: Set<String>

    /// Reads `FILE` and checks the selection.
    ///
    /// - Throws: `CommandError` for a missing or bad file (a bad line names its number), a
    ///   `--filter`/`--skip` that leaves no benchmark or a `--metric` that names none of the
    ///   selected benchmarks' metrics, in a history with runs; `UsageError` for a bad pattern.
    init(_ arguments: ParsedArguments) throws {
        let selection = try BenchmarkSelection(arguments)
        path = arguments.positionals[0]
        do { history = try History.read(contentsOf: path) } catch { throw CommandError(error) }
        benchmarks = history.benchmarkNames.filter(selection.selects)
        if benchmarks.isEmpty && !history.entries.isEmpty {
            throw CommandError("no benchmark in \(path) matches the --filter and --skip given")
        }
        requested = arguments.values("--metric")
        present = Set(benchmarks.flatMap(history.metricNames(of:)))
        if let unknown = requested.first(where: { !present.contains($0) }), !history.entries.isEmpty {
            throw CommandError("no metric named '\(unknown)' in \(path) for the selected benchmarks (metrics there: "
                + "\(MetricID.displayOrder(present).joined(separator: ", ")))")
        }
    }

    /// Declares `--filter`, `--skip` and `--metric` (with `metricHelp`) on `spec`.
    static func declare(on spec: inout CommandSpec, metricHelp: String) {
        spec.option("--filter", value: "REGEX", help: "Only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Leave out benchmarks whose name matches REGEX.")
        spec.option("--metric", value: "NAME", help: metricHelp, repeatable: true)
    }
}
