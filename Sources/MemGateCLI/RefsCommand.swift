import BenchResults
import CLISupport
import Foundation
import GateCore
import GateRunner

/// `memgate refs BASE [HEAD]`: build two revisions of the package, run their benchmarks in
/// alternating rounds in this one job, and gate HEAD against BASE exactly like
/// `memgate check`. The reliable way to gate time on a shared CI runner.
///
///     memgate refs origin/main                 # the working tree (uncommitted changes too) vs origin/main
///     memgate refs v1.2.0 HEAD --rounds 10     # two commits
///
/// BASE (and HEAD when it is a ref) is checked out into a detached temporary worktree; the
/// working tree is built in place but into its own build folder. Nothing in the user's
/// working tree, index or `.build` changes, and the worktrees and temporary folders are
/// removed on success, failure and SIGINT/SIGTERM (see `InterruptCleanup`).
struct RefsCommand: Subcommand {
    static let name = "refs"
    static let defaultSamples = 5
    /// The default `--max-time` in seconds (10m): what all rounds, the settling ones
    /// included, may take.
    static let defaultMaxTime: Double = 600

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate refs", summary: "Build two git revisions, run their benchmarks interleaved, and gate HEAD against BASE.",
            usage: "memgate refs [options] BASE [HEAD]",
            discussion: discussion)
        declareOptions(on: &spec)
        GateArguments.declare(on: &spec)
        spec.positional("BASE", help: "The git revision to compare against (branch, tag, commit, origin/main...).")
        spec.positional("HEAD", help: "The git revision to check; the working tree (with uncommitted changes) if left out.", optional: true)
        return spec
    }

    /// The help text's discussion.
    private static let discussion = """
        Checks BASE (and HEAD, when given) out into temporary git worktrees, builds each side's \
        benchmark executables in release into separate build folders (functions and blocks \
        aligned to 64 bytes, so an edit elsewhere cannot fake a time change through code \
        layout; --no-align turns that off), and runs them in \
        alternating rounds (base then head, then head then base, ...): in each round every \
        benchmark runs once per side, each run a fresh process keeping --samples samples. Each \
        run contributes one value per metric (the median of its samples: samples within one \
        process are not independent), so each side has --rounds values per metric, compared \
        exactly like 'memgate check BASE HEAD': both sides ran on this machine with the same \
        toolchain, so time, latency, CPU and RSS are gated (thresholds from --config and \
        --threshold; a config's "noisy" key does not apply here, --noisy report does). Without HEAD, the \
        working tree is compared, uncommitted changes included; it is built in place into a \
        build folder of its own, never .build. Benchmarks found on one side only are reported.

        A benchmark left inconclusive (beyond its threshold, not significantly) runs more \
        rounds, interleaved as before, and is compared again, up to 4 more times while \
        --max-time lasts; each benchmark keeps the verdict of the look that decided it. The \
        first look tests at alpha/2, each later one at alpha/8, so the chance of any false \
        regression stays at most alpha (docs/thresholds.md). Exit 3 is left only for what \
        the budget could not settle, with the rounds that would.

        The benchmark executables of each side are those its own baselines/memgate.json lists \
        under "executables", else every executable target that depends on BenchKit. Worktrees \
        and temporary folders are removed on success, failure and Ctrl-C. Progress goes to \
        standard error on a terminal; otherwise one summary line.

        Exit codes: 0 pass, 1 regression (or a benchmark failed in HEAD), 2 usage or input \
        error (not a git repository, unknown ref, no benchmark executable in BASE, a side that \
        fails to build), 3 inconclusive only, 130/143 interrupted by SIGINT/SIGTERM.

        Examples:
          swift run -c release memgate refs origin/main
          swift run -c release memgate refs main feature --rounds 10 --filter '^json/'
          swift run -c release memgate refs origin/main --threshold time=5% --keep-results refs-results
        """

    /// The options of `refs` itself (the gate's shared ones follow them in the help).
    private static func declareOptions(on spec: inout CommandSpec) {
        spec.option("--package-path", value: "DIR",
            help: "The Swift package whose benchmarks to compare (its path inside the repository is used on both sides).",
            defaultDescription: ".")
        spec.option("--rounds", value: "N", help: "Alternating rounds; each runs every benchmark once per side.",
            defaultDescription: "the config's \"rounds\", else \(RoundSchedule.defaultRounds)")
        spec.option("--samples", value: "N", help: "Samples per benchmark per round; their median is the round's value.",
            defaultDescription: "\(defaultSamples)")
        spec.option("--max-time", value: "DURATION",
            help: "Time all rounds may take: the first --rounds always run; benchmarks left inconclusive then run more rounds, and are "
                + "compared again, while it lasts (0: never).", defaultDescription: "10m")
        spec.option("--filter", value: "REGEX", help: "Run only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Skip benchmarks whose name matches REGEX.")
        spec.option("--sample-time", value: "DURATION", help: "Target duration of one sample (default 10ms).")
        spec.option("--timeout", value: "DURATION", help: "Kill a benchmark's process after this long (default 60s).")
        ShardArgument.declare(on: &spec, "an equal share each (no baseline to balance by); each shard gates its own benchmarks")
        spec.option("--executable", value: "NAME", help: "Build and run only this benchmark executable on both sides (repeatable).",
            repeatable: true)
        spec.option("--keep-results", value: "DIR",
            help: "Write the pooled results to DIR/base.json and DIR/head.json (for memgate compare, or CI artifacts).")
        spec.flag("--no-align",
            help: "Build both sides with the compiler's default code layout instead of 64-byte aligned functions and blocks (which "
                + "keep layout shifts from faking time changes).")
        spec.option("--build-root", value: "DIR",
            help: "Keep the build folders in DIR/base and DIR/head across runs (incremental builds, CI caches).",
            defaultDescription: "temporary, removed")
    }

    /// parse (`RefsPlan`) -> resolve the revisions -> build and run both sides
    /// (`RefsCommand+Sides`) -> keep the results -> gate like `check`.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let plan = try RefsPlan(arguments)
        let kept = plan.keepResults.map { [("--keep-results", $0 + "/base.json"), ("--keep-results", $0 + "/head.json")] } ?? []
        try plan.gate.refuseOverwritingInputs([], outputs: kept, environment: context.environment)
        let revisions = try RefsRevisions(plan, launcher: Launcher(gate: context.launches))
        let started = Date()
        let (sides, progressShown) = try GateSession.run(
            "memgate refs", launches: context.launches, done: "temporary worktrees and build folders removed",
            workspace: { try Workspace(repository: revisions.repository, buildRoot: plan.buildRoot) }
        ) { session in
            try runSides(plan, revisions, session: session)
        }
        try keep(sides.pooled, in: plan.keepResults)
        if !progressShown {
            context.errors += summaryLine(plan, sides, seconds: Date().timeIntervalSince(started))
        }
        try GatePipeline.prepare(sides.pooled[.base]!, sides.pooled[.head]!,
                                 names: (sides.report.baselineName, sides.report.currentName), gate: plan.gate, context: &context)
        return try GatePipeline.render(sides.report, files: (sides.pooled[.base]!, sides.pooled[.head]!), gate: plan.gate,
                                       context: &context)
    }

    /// Writes the pooled results to `directory`/base.json and head.json (`--keep-results`).
    private static func keep(_ pooled: [RefsSide: ResultsFile], in directory: String?) throws {
        guard let directory else { return }
        for side in RefsSide.allCases {
            let path = "\(directory)/\(side).json"
            try OutputFile.createDirectory(containing: path)
            do { try pooled[side]!.write(to: path) } catch { throw CommandError(error) }
        }
    }

    /// The one line printed to standard error when there is no progress line (not a TTY).
    private static func summaryLine(_ plan: RefsPlan, _ sides: RefsSides, seconds: Double) -> String {
        let count = RoundSchedule.union(base: sides.base.names, head: sides.head.names).count
        let kept = plan.keepResults.map { "; results in \($0)/base.json, \($0)/head.json" } ?? ""
        return "memgate refs: base \(sides.base.checkout.label) vs head \(sides.head.checkout.label): "
            + "\(count) benchmark\(count == 1 ? "" : "s") × \(plan.rounds) rounds × \(plan.samples) samples per side "
            + "in \(MetricUnit.elapsed(seconds))\(kept)\n"
    }
}
