import BenchResults
import CLISupport
import Foundation
import GateCore
import GateRunner

/// `memgate calibrate`: an A/A self-test of the package's own suite on this runner. Builds
/// once, runs every benchmark as two interleaved pools of the same binary (as `memgate refs
/// HEAD HEAD` would), and prints what the gate would see: per benchmark and metric, the
/// process-to-process spread, how far an unchanged estimate wanders, the smallest change
/// the settings detect, the false alarms seen, and a recommended configuration that
/// `--write` merges into `baselines/memgate.json`.
///
///     memgate calibrate                 # measure and recommend
///     memgate calibrate --write         # and merge the recommendation into the config
struct CalibrateCommand: Subcommand {
    static let name = "calibrate"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate calibrate", summary: "A/A self-test: measure this runner's noise and the gate's false alarms, recommend "
                + "thresholds and rounds.",
            usage: "memgate calibrate [options]",
            discussion: """
            Builds the package's benchmark executables once in release (aligned code layout, as \
            memgate refs builds them; --no-align: the compiler's default) into \
            .build/memgate-calibrate, then runs --rounds alternating rounds in which every \
            benchmark runs twice, once for pool A and once for pool B, each run a fresh process \
            whose samples' median is its value. Both pools come from the same binary, so every \
            difference between them is noise, and every non-pass verdict a false alarm.

            Per benchmark and metric it prints: rounds (A+B); spread (half the 5th-95th \
            percentile range of the processes' values, as ± of their median); the A/A change \
            (median of B over median of A); wander p99 (how far that change moves over 200 random \
            splits of the same values: a threshold below it is crossed by chance in more than 1% \
            of checks); detectable (the smallest change that memgate refs' first look, beyond \
            the threshold and significant, flags with 80% power at these rounds); the threshold \
            in force; and \
            the A/A verdict. Exact metrics whose values vary between processes show their largest \
            shift. Then the A/A check's summary, how many of 200 random splits would exit \
            non-zero, and the recommended configuration: per noisy metric the tightest round \
            threshold the unchanged suite stays inside (own entries for benchmarks that need \
            more than twice the others), "rounds" for memgate refs, and "unstableFloor" when an \
            exact metric moved more than the floor in force allows.

            --write merges the recommendation into the config file (thresholds of the \
            recommended metrics, rounds, unstableFloor, per-benchmark entries by exact name), \
            keeping every other key, atomically; the result is checked before it is written. \
            Progress goes to standard error on a terminal.

            Exit codes: 0 calibrated (false alarms seen are reported, not an error), 2 usage or \
            input error (no benchmark executable, a failed build, a bad config), 130/143 \
            interrupted by SIGINT/SIGTERM.

            Examples:
              swift run -c release memgate calibrate
              swift run -c release memgate calibrate --rounds 20 --write
            """)
        spec.option("--package-path", value: "DIR", help: "The Swift package whose benchmarks to calibrate.", defaultDescription: ".")
        spec.option("--config", value: "FILE", help: "The config to read thresholds from and --write to.",
            defaultDescription: ConfigFile.defaultPath)
        spec.option("--rounds", value: "N", help: "Alternating rounds; each runs every benchmark once per pool.",
            defaultDescription: "the config's \"rounds\", else \(RoundSchedule.defaultRounds)")
        spec.option("--samples", value: "N", help: "Samples per benchmark per run; their median is the run's value.",
            defaultDescription: "\(RefsCommand.defaultSamples)")
        spec.option("--sample-time", value: "DURATION", help: "Target duration of one sample (default 10ms).")
        spec.option("--timeout", value: "DURATION", help: "Kill a benchmark's process after this long (default 60s).")
        spec.option("--filter", value: "REGEX", help: "Run only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Skip benchmarks whose name matches REGEX.")
        spec.option("--executable", value: "NAME", help: "Build and run only this benchmark executable.", repeatable: true)
        spec.flag("--no-align", help: "Build with the compiler's default code layout.")
        spec.option("--build-root", value: "DIR", help: "Keep the build folder in DIR/base across runs (incremental builds, CI caches).",
            defaultDescription: ".build/memgate-calibrate")
        spec.flag("--write", help: "Merge the recommended settings into the config file.")
        spec.flag("--all", short: "a", help: "Show every metric, not only gated noisy ones and unstable exact ones.")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let packagePath = arguments.absolutePath("--package-path", orElse: ".")!
        let configPath = arguments.value("--config") ?? packagePath + "/" + ConfigFile.defaultPath
        let config = try ConfigFile.load(configPath, explicit: arguments.value("--config") != nil)
        let rounds = try arguments.int("--rounds", in: 2...1000) ?? config.rounds ?? RoundSchedule.defaultRounds
        let forwarded = try RefsPlan.forwardedArguments(arguments)
        let selection = ["--filter", "--skip"].flatMap { name in arguments.value(name).map { [name, $0] } ?? [] }
        // What `memgate refs` would see: the pools are interleaved runs.
        let options = ComparisonOptions(config: config, origin: .interleaved)
        let buildRoot = arguments.absolutePath("--build-root") ?? packagePath + "/.build/memgate-calibrate"

        let (pools, _) = try GateSession.run(
            "memgate calibrate", launches: context.launches, done: "the build and benchmarks were stopped",
            workspace: { try Workspace(repository: nil, buildRoot: buildRoot, command: "calibrate") }
        ) { session in
            let checkout = SideCheckout(side: .base, revision: nil, commit: nil, dirty: false, packagePath: packagePath,
                                        scratchPath: try session.workspace.scratchPath(.base))
            let built = try BuiltSide.build(checkout, listed: arguments.values("--executable"), selection: selection,
                                            layout: arguments.flag("--no-align") ? .compilerDefault : .aligned,
                                            launcher: session.launcher, status: session.status)
            guard !built.benchmarks.isEmpty else { throw BuiltSide.Failure(description: "no benchmark matches --filter/--skip") }
            var runs = InterleavedRuns(base: built, head: built, forwardedArguments: forwarded, workspace: session.workspace,
                                       launcher: session.launcher, labels: [.base: "A", .head: "B"])
            try runs.run(rounds: rounds, only: nil, status: session.status)
            return runs.pooled
        }

        let calibration: Calibration
        do {
            calibration = try Calibration(a: pools[.base]!, b: pools[.head]!, options: options)
        } catch { throw CommandError("\(error)") }
        context.output += "memgate calibrate: \(pools[.base]!.benchmarks.count) "
            + "benchmark\(pools[.base]!.benchmarks.count == 1 ? "" : "s"), \(rounds) rounds per pool\n\n"
        context.output += calibration.renderText(style: context.stdoutStyle, all: arguments.flag("--all"))
        if arguments.flag("--write") {
            try ConfigFile.merge(calibration.recommendation, into: configPath)
            context.errors += "memgate calibrate: merged the recommendation into \(configPath)\n"
        }
        return .pass
    }
}
