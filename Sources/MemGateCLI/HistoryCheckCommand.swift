import BenchResults
import CLISupport
import GateCore
import GateFormats
import GateRunner

/// `memgate history check FILE [--filter REGEX] [--skip REGEX] [--metric NAME]... [--config FILE] [--threshold METRIC=VALUE]...
/// [--alpha P] [--noisy gate|report] [--unstable-floor PERCENT] [--format text|json]`.
struct HistoryCheckCommand: Subcommand {
    static let name = "check"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate history check",
            summary: "Fail when a metric got worse than its threshold since the last baseline update, by the history's change points.",
            usage: "memgate history check [options] FILE",
            discussion: """
            For a scheduled job on the main branch: it catches what no single pull request showed, such as
            creep of 1% a commit. Per benchmark and metric, it compares the level now with the level at the
            last baseline update (the newest run marked "updated" in 'history show'; the first run when there
            is none), the levels being the medians of the runs between change points. It fails when the level
            now is worse than the threshold allows and a change point after the update goes the worse way,
            naming the runs and the commit range A..B that can have caused it (after A, up to and including B).
            A change the update came with is the update's: where a noisy series' first change after the
            update may be at the update, only the runs since the update are searched.

            Exact metrics (allocs, bytes, retains, objects, exact custom metrics) change wherever their median
            does: no statistics. Other series are judged by binary segmentation with a seeded rank permutation
            test, with Holm's correction over every such series checked (family-wise level --alpha, at least
            1e-5); an exact metric whose counts vary between processes is judged that way too, with the
            threshold widened to its unstable floor, as 'check' does. Noisy metrics are gated unless --noisy
            report: the history's runs are replicates, which the rank test accounts for.

            A noisy series needs 6 runs from the update on (a change, then 5 runs at the new level) and 10 in
            all: with fewer it is listed as not checked and does not fail (a short history is the normal state
            after a baseline update; the checks that follow judge those runs). For the same reason the newest
            4 runs of a noisy series cannot show a change yet. Thresholds come from --config and --threshold,
            as for 'check'. docs/thresholds.md ("Change points over history") has the method and its measured
            error rates.

            Exit codes: 0 no finding, 1 a metric worse than its threshold since the last baseline update,
            2 usage or input error (a missing, empty or bad file; a --filter, --metric or --threshold that
            matches nothing).
            """)
        spec.positional("FILE", help: "A history file written by 'memgate history append'.")
        HistorySelection.declare(on: &spec, metricHelp: "Check only this metric (allocs, time, a custom name...).")
        GateArguments.declareThresholds(on: &spec, alphaHelp: "Family-wise significance level of the rank tests, in [1e-5, 0.5].")
        spec.option("--noisy", value: "gate|report", help: "gate: judge machine-dependent metrics (time, latency, CPU, RSS) too; "
            + "report: only exact ones. Overrides the config's \"noisy\".", defaultDescription: "gate")
        GateArguments.declareUnstableFloor(on: &spec)
        spec.option("--format", value: "FORMAT", help: "text or json.", defaultDescription: "text")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let format = try arguments.choice("--format", from: ["text", "json"]) ?? "text"
        var flags = try GateArguments.thresholdFlags(arguments)
        flags.noisy = try GateArguments.noisyFlag(arguments)
        let explicitConfig = arguments.value("--config")
        let config = try ConfigFile.load(explicitConfig ?? ConfigFile.defaultPath, explicit: explicitConfig != nil)
        let selection = try HistorySelection(arguments)
        guard !selection.history.entries.isEmpty else {
            throw CommandError("\(selection.path): no runs to check (is 'memgate history append' writing to it?)")
        }
        for metric in flags.thresholds.keys.sorted() where MetricID(rawValue: metric) == nil && !selection.present.contains(metric) {
            throw CommandError("--threshold: no metric named '\(metric)' in \(selection.path) for the selected benchmarks")
        }
        // The runs are replicates: a config's "noisy", written for two separately recorded files, does not apply.
        let options = ComparisonOptions(config: config, flags: flags, origin: .interleaved)
        guard options.alpha >= ChangeDetection.smallestAlpha else {
            throw CommandError("alpha \(options.alpha) (--alpha or the config's \"alpha\") is below 1e-05, the smallest level the "
                + "permutation test of history check resolves")
        }
        let metrics = selection.requested.isEmpty ? nil : selection.requested
        let check = HistoryCheck(history: selection.history, benchmarks: selection.benchmarks, metrics: metrics, options: options)
        context.output += format == "json" ? check.json(name: selection.path) : check.text(name: selection.path, style: context.stdoutStyle)
        return check.exitCode
    }
}
