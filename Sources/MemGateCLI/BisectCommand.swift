import BenchResults
import CLISupport
import Foundation
import GateCore
import GateRunner
import HTMLReport

/// `memgate bisect GOOD BAD`: find the first commit on BAD's first-parent line after GOOD at
/// which a benchmark's metric moved past its threshold.
///
///     memgate bisect v1.0 main --filter '^json/encode$'          # whatever regressed
///     memgate bisect v1.0 main --filter json --metric allocs --output bisect.html
///
/// The ends are verified first (GOOD and BAD built and run); exact metrics decide each step
/// from one run, noisy ones from interleaved rounds against both ends (`BisectRun`). The
/// worktrees and temporary folders are removed on success, failure and SIGINT/SIGTERM.
struct BisectCommand: Subcommand {
    static let name = "bisect"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate bisect",
            summary: "Find the first commit between GOOD and BAD where a benchmark's metric moved past its threshold.",
            usage: "memgate bisect [options] GOOD BAD", discussion: discussion)
        declareOptions(on: &spec)
        GateArguments.declareThresholds(on: &spec)
        GateArguments.declareUnstableFloor(on: &spec)
        spec.positional("GOOD", help: "A revision where the metric is fine (branch, tag, commit...).")
        spec.positional("BAD", help: "A later revision where it regressed; GOOD must be on BAD's first-parent line.")
        return spec
    }

    /// The help text's discussion.
    private static let discussion = """
        Searches the commits after GOOD on BAD's first-parent line (git log --first-parent \
        GOOD..BAD; a merge stands for the branch it merged), so each step halves the range: \
        about log2(n) builds for n commits.

        First the ends: GOOD and BAD are built (in worktrees of their own, kept for the whole \
        bisection) and each runs its selected benchmarks once. Exact metrics (allocs, bytes, \
        retains, objects, exact custom metrics) are compared from those runs; when none regressed, \
        noisy ones (time, latency, CPU) from interleaved rounds, as memgate refs runs them. The \
        metric bisected is the one that regressed (the benchmark's first regressed metric when \
        several did, time first among noisy ones; --metric picks another); regressions in \
        several benchmarks exit 2 listing them (--filter picks one). Nothing regressed: "not \
        reproduced at the ends", exit 4.

        Each step checks a commit out into one more worktree, moved from commit to commit, so \
        its build is incremental. An exact metric is decided from one run against GOOD's. A noisy \
        one runs rounds of the commit against GOOD and against BAD: bad when it is significantly \
        worse than GOOD past the threshold, good when BAD is significantly worse than it, \
        otherwise undecided after --max-rounds, which ends the bisection unsure (exit 3) naming \
        the range left. Each test (the ends, then at most ceil(log2(n)) steps) is made at \
        alpha/(steps+1), so the chance of naming a wrong commit is at most alpha. A commit that \
        does not build, or whose benchmark crashes or is missing, is skipped (its neighbours are \
        tested instead); never counted good.

        Prints the first bad commit (hash, subject, author date), the metric before and after \
        it, and its change as memgate check reports it, with the allocation and retain sites \
        that moved; --output writes the same as JSON or HTML. Progress goes to standard error on \
        a terminal; otherwise one summary line.

        Exit codes: 0 found, 4 not reproduced at the ends, 3 unsure (a step undecided, commits \
        that could not be tested, the error budget spent: the range is named), 2 usage or input \
        error (not a git repository, an unknown ref, GOOD not on BAD's first-parent line, an end \
        that fails to build, a benchmark that fails at an end, several benchmarks regressed), \
        130/143 interrupted by SIGINT/SIGTERM.

        Examples:
          swift run -c release memgate bisect v1.0 main --filter '^json/encode$'
          swift run -c release memgate bisect HEAD~40 HEAD --filter spin --metric time --max-rounds 60
          swift run -c release memgate bisect v1.0 main --output bisect.json --output bisect.html
        """

    /// The options of `bisect` itself (the threshold options follow them in the help).
    private static func declareOptions(on spec: inout CommandSpec) {
        spec.option("--package-path", value: "DIR", help: "The Swift package whose benchmarks to bisect.", defaultDescription: ".")
        spec.option("--filter", value: "REGEX", help: "Run only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Skip benchmarks whose name matches REGEX.")
        spec.option("--metric", value: "METRIC", help: "Bisect this metric (allocs, time, a custom name...) instead of the one chosen.")
        spec.option("--rounds", value: "N", help: "Noisy metrics: interleaved rounds per comparison of a test's first look.",
            defaultDescription: "the config's \"rounds\", else \(RoundSchedule.defaultRounds)")
        spec.option("--max-rounds", value: "N",
            help: "Noisy metrics: the most rounds per comparison one test may run before it is undecided.",
            defaultDescription: "4 × rounds")
        spec.option("--samples", value: "N", help: "Samples per benchmark per run; their median is the run's value.",
            defaultDescription: "\(RefsCommand.defaultSamples)")
        spec.option("--sample-time", value: "DURATION", help: "Target duration of one sample (default 10ms).")
        spec.option("--timeout", value: "DURATION", help: "Kill a benchmark's process after this long (default 60s).")
        spec.option("--executable", value: "NAME", help: "Build and run only this benchmark executable.", repeatable: true)
        spec.flag("--no-align", help: "Build with the compiler's default code layout instead of 64-byte aligned functions and blocks.")
        spec.option("--build-root", value: "DIR",
            help: "Keep the build folders in DIR/base (GOOD; an exact metric's steps), DIR/head (BAD) and DIR/step "
                + "(a noisy metric's steps) across runs.", defaultDescription: "temporary")
        spec.option("--format", value: "FORMAT", help: "Standard output format: text or json.", defaultDescription: "text")
        spec.option("--output", value: "[FORMAT:]PATH",
            help: "Also write the result to PATH: text, json or html, from FORMAT: or the extension (.txt .json .html).", repeatable: true)
        spec.flag("--full-stacks", help: GateArguments.fullStacksHelp)
    }

    /// parse (`BisectPlan`) -> resolve the range -> build, verify the ends and search
    /// (`BisectRun`, in a `GateSession`) -> render and write.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let plan = try BisectPlan(arguments)
        try plan.gate.refuseOverwritingInputs([], outputs: plan.outputs.map { ("--output", $0.1) }, environment: context.environment)
        let range: BisectRange
        do {
            range = try BisectRange(packagePath: plan.packagePath, good: plan.good, bad: plan.bad,
                                    launcher: Launcher(gate: context.launches))
        } catch { throw CommandError(error) }
        let started = Date()
        let (result, progressShown) = try GateSession.run(
            "memgate bisect", launches: context.launches, done: "temporary worktrees and build folders removed",
            workspace: { try Workspace(repository: range.repository, buildRoot: plan.buildRoot, command: "bisect") }
        ) { session in
            let run = BisectRun(settings: plan.settings, range: range, session: session)
            run.checkEnds = { try plan.gate.checkOverriddenMetrics($0, $1) }
            return try run.run()
        }
        if !progressShown {
            context.errors += "memgate bisect: \(result.builds) builds, \(max(result.steps.count - 2, 0)) steps in "
                + "\(MetricUnit.elapsed(Date().timeIntervalSince(started))): \(result.outcome.rawValue)\n"
        }
        var options = RenderOptions(color: plan.format == .text && context.stdoutStyle.colour,
                                    chains: ChainLayout(width: context.stdoutChainWidth, fullStacks: plan.gate.fullStacks))
        context.output += render(result, plan.format, options: options)
        options = RenderOptions(chains: ChainLayout(fullStacks: plan.gate.fullStacks))
        for (format, path) in plan.outputs { try OutputFile.write(Array(render(result, format, options: options).utf8), to: path) }
        return result.exitCode
    }

    /// `result` in `format` (text, json or html).
    static func render(_ result: BisectResult, _ format: ReportFormat, options: RenderOptions) -> String {
        var text = ""
        switch format {
        case .json: result.writeJSON(to: &text)
        case .html: text = BisectPage(result, options: options).html
        default: result.writeText(to: &text, options: options)
        }
        return text
    }
}
