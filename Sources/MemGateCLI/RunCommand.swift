import BenchResults
import CLISupport
import Foundation
import ResultsView
import GateCore
import GateRunner

/// `memgate run`: build the package's benchmark executables in release, run them, write
/// the results, and gate them against the committed baseline (or record it with
/// `--update`). The one command a new user runs.
struct RunCommand: Subcommand {
    static let name = "run"
    static let defaultBaseline = UpdateCommand.defaultBaseline
    static let defaultResults = ".memgate/results.json"

    /// Flags passed through to every benchmark executable, with whether they take a value.
    static let forwarded: [(name: String, value: String?, help: String)] = [
        ("--filter", "REGEX", "Run only benchmarks whose name matches REGEX."),
        ("--skip", "REGEX", "Skip benchmarks whose name matches REGEX."),
        ("--samples", "N", "Samples kept per benchmark (default 10)."),
        ("--warmup", "N", "Warm-up samples run and discarded before measuring (default 1)."),
        ("--sample-time", "DURATION", "Target duration of one sample (default 10ms)."),
        ("--time-budget", "DURATION", "Total time for each executable's run, the passes included; sample time shrinks to fit."),
        ("--timeout", "DURATION", "Kill a benchmark's process after this long (default 60s)."),
        ("--no-isolation", nil, "Run benchmarks in their executable's process (no crash isolation)."),
        ("--no-arc", nil, "Skip the pass that counts Swift retains, releases and objects per op."),
        ("--no-sites", nil, "Skip the pass that records where each benchmark allocates."),
        ("--site-iterations", "N", "Iterations N of that pass (it runs N, then 2N; default 10)."),
    ]

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate run", summary: "Build and run the package's benchmarks, then gate them against the baseline.",
            usage: "memgate run [options]",
            discussion: """
            Finds the benchmark executables (those listed under "executables" in baselines/memgate.json, \
            else every executable target that depends on BenchKit), builds them with \
            `swift build -c release`, runs them, writes the results (default \(defaultResults)) and \
            checks them against the baseline (default \(defaultBaseline)) exactly like 'memgate check'. \
            With --update the results are recorded as the baseline instead (benchmarks that did \
            not run are kept unless --prune). Progress goes to standard error on a terminal; \
            otherwise one summary line.

            Exit codes: 0 pass, 1 regression (or a benchmark failed), 2 usage or input error \
            (including a failed build or a missing baseline), 3 inconclusive only, 130/143 \
            interrupted by SIGINT/SIGTERM (the build or benchmark is stopped too).

            Examples:
              swift run -c release memgate run
              swift run -c release memgate run --update
              swift run -c release memgate run --filter '^json/' --format markdown --output junit:memgate.xml
            """)
        spec.option("--package-path", value: "DIR", help: "The Swift package whose benchmarks to run.", defaultDescription: ".")
        spec.option("--baseline", value: "FILE", help: "The baseline to check against or update, relative to the package.",
            defaultDescription: defaultBaseline)
        spec.option("--results", value: "FILE", help: "Where to write this run's results, relative to the package.",
            defaultDescription: defaultResults)
        spec.flag("--update", help: "Record the results as the baseline instead of checking them.")
        spec.flag("--prune", help: "With --update: drop baseline benchmarks that did not run.")
        spec.option("--executable", value: "NAME", help: "Run only this benchmark executable.", repeatable: true)
        spec.option("--scratch-path", value: "DIR", help: "Build in DIR instead of the package's .build (relative to the package; "
            + "the command plugin uses .build/memgate-plugin: SwiftPM locks .build while a plugin runs).")
        ShardArgument.declare(on: &spec, "balanced by the time each benchmark measured in the baseline; "
            + "merge the shards' results with 'memgate merge' and check the merged file")
        for flag in forwarded {
            if let value = flag.value {
                spec.option(flag.name, value: value, help: flag.help)
            } else {
                spec.flag(flag.name, help: flag.help)
            }
        }
        GateArguments.declare(on: &spec)
        return spec
    }

    /// parse (`RunPlan`) -> build -> run (the long part, in a `GateSession`) -> write the
    /// results -> record or gate.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        var plan = try RunPlan(arguments)
        try plan.gate.refuseOverwritingInputs([("baseline", plan.baselinePath)], outputs: [("--results", plan.resultsPath)],
                                              environment: context.environment)
        let started = Date()
        // Ctrl-C or a cancelled CI job: stop the build or benchmark too (each child runs in a
        // process group of its own, which a terminal's Ctrl-C does not reach).
        let (ran, progressShown) = try GateSession.run(
            "memgate run", launches: context.launches, done: "the build and benchmarks were stopped",
            workspace: { try Workspace(repository: nil, buildRoot: nil, command: "run") }
        ) { session in
            let launcher = session.launcher
            let built = try plan.applyShard(to: try build(plan, session: session)) { try listing(of: $0, launcher: launcher) }
            let buildSeconds = Date().timeIntervalSince(started)
            var results: ResultsFile
            do {
                let execution = BenchmarkExecution(forwardedArguments: plan.forwarded, launcher: launcher)
                results = try execution.run(executables: built, temporaryDirectory: session.workspace.root)
            } catch { throw CommandError(error) }
            // Recorded so that `memgate merge` can tell a missing or repeated shard.
            results.shard = plan.shard.map { ResultsFile.ShardPosition(index: $0.index, count: $0.count) }
            // With --executable, the baseline's benchmarks of other executables are left out.
            let names = plan.executables.isEmpty ? [] : try benchmarkNames(of: built, launcher: launcher)
            return Ran(executables: built.count, results: results, benchmarkNames: names, buildSeconds: buildSeconds)
        }
        let results = ran.results
        do { try results.write(to: plan.resultsPath) } catch { throw CommandError(error) }
        context.output += ResultsSummaryTable.render(results, style: context.stdoutStyle) + "\n"
        if !progressShown {
            let executables = "\(ran.executables) executable\(ran.executables == 1 ? "" : "s")"
            let benchmarks = "\(results.benchmarks.count) benchmark\(results.benchmarks.count == 1 ? "" : "s")"
            let runSeconds = Date().timeIntervalSince(started) - ran.buildSeconds
            context.errors += "memgate run: built \(executables) in \(MetricUnit.elapsed(ran.buildSeconds)), "
                + "ran \(benchmarks) in \(MetricUnit.elapsed(runSeconds)); results in \(plan.resultsPath)\n"
        }
        if plan.update {
            return try UpdateCommand.record(results, baselinePath: plan.baselinePath, prune: plan.prune, context: &context)
        }
        let baseline = try plan.comparedBaseline(ran: { ran.benchmarkNames })
        return try GatePipeline.report(baseline: baseline, current: results, baselineName: plan.baselinePath,
                                  currentName: plan.resultsPath, gate: plan.gate, context: &context)
    }

    /// What the long part of a run produced.
    private struct Ran {
        /// How many executables were built and run.
        var executables: Int
        /// Their results.
        var results: ResultsFile
        /// Every benchmark name of the executables run, with `--executable` only (else empty).
        var benchmarkNames: Set<String>
        /// Seconds from the start to the end of the builds.
        var buildSeconds: Double
    }

    /// Discovers and builds the benchmark executables, showing progress.
    private static func build(_ plan: RunPlan, session: GateSession) throws -> [(name: String, path: String)] {
        let package: BenchmarkPackage
        do {
            let listed = plan.executables.isEmpty ? plan.gate.config.executables : plan.executables
            package = try BenchmarkPackage.discover(at: plan.packagePath, listed: listed, launcher: session.launcher,
                                                    scratchPath: plan.scratchPath)
        } catch { throw CommandError(error) }
        var built: [(name: String, path: String)] = []
        for (index, executable) in package.executables.enumerated() {
            session.status("building \(executable) (release) [\(index + 1)/\(package.executables.count)]")
            let builder = BenchmarkBuild(packagePath: plan.packagePath, scratchPath: plan.scratchPath, launcher: session.launcher)
            do { built.append((executable, try builder.build(product: executable))) } catch { throw CommandError(error) }
        }
        return built
    }

    /// Every benchmark name of `executables` (their `--list`, unfiltered).
    private static func benchmarkNames(of executables: [(name: String, path: String)], launcher: Launcher) throws -> Set<String> {
        var names = Set<String>()
        for executable in executables { names.formUnion(try listing(of: executable, launcher: launcher)) }
        return names
    }

    /// The benchmark names `executable --list` prints, unfiltered, in its order.
    private static func listing(of executable: (name: String, path: String), launcher: Launcher) throws -> [String] {
        let listing = try launcher.run(executable.path, ["--list"])
        guard listing.succeeded else {
            throw CommandError("\(executable.name) --list failed with status \(listing.status): \(listing.errorOutput.lastLines(5))")
        }
        return listing.output.split(separator: "\n").map(String.init)
    }

}
