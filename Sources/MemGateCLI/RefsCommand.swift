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
            discussion: """
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
            """)
        spec.option("--package-path", value: "DIR", help: "The Swift package whose benchmarks to compare (its path inside the repository is used on both sides).", defaultDescription: ".")
        spec.option("--rounds", value: "N", help: "Alternating rounds; each runs every benchmark once per side.", defaultDescription: "the config's \"rounds\", else \(RoundSchedule.defaultRounds)")
        spec.option("--samples", value: "N", help: "Samples per benchmark per round; their median is the round's value.", defaultDescription: "\(defaultSamples)")
        spec.option("--max-time", value: "DURATION", help: "Time all rounds may take: the first --rounds always run; benchmarks left inconclusive then run more rounds, and are compared again, while it lasts (0: never).", defaultDescription: "10m")
        spec.option("--filter", value: "REGEX", help: "Run only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Skip benchmarks whose name matches REGEX.")
        spec.option("--sample-time", value: "DURATION", help: "Target duration of one sample (default 10ms).")
        spec.option("--timeout", value: "DURATION", help: "Kill a benchmark's process after this long (default 60s).")
        spec.option("--executable", value: "NAME", help: "Build and run only this benchmark executable on both sides (repeatable).", repeatable: true)
        spec.option("--keep-results", value: "DIR", help: "Write the pooled results to DIR/base.json and DIR/head.json (for memgate compare, or CI artifacts).")
        spec.flag("--no-align", help: "Build both sides with the compiler's default code layout instead of 64-byte aligned functions and blocks (which keep layout shifts from faking time changes).")
        spec.option("--build-root", value: "DIR", help: "Keep the build folders in DIR/base and DIR/head across runs (incremental builds, CI caches).", defaultDescription: "temporary, removed")
        GateArguments.declare(on: &spec)
        spec.positional("BASE", help: "The git revision to compare against (branch, tag, commit, origin/main...).")
        spec.positional("HEAD", help: "The git revision to check; the working tree (with uncommitted changes) if left out.", optional: true)
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let packagePath = URL(fileURLWithPath: arguments.value("--package-path") ?? ".").standardizedFileURL.path
        var gate = try GateArguments(arguments, mode: .check, defaultConfigPath: packagePath + "/" + ConfigFile.defaultPath)
        // A config's "noisy" (all or some "report") says machine-dependent metrics of separately recorded
        // runs cannot be trusted; interleaved runs in one job are the case where they can,
        // so only the command line turns noisy gating off here.
        if arguments.value("--noisy") == nil {
            gate.options.noisy = .gate
            gate.options.noisyByMetric = [:]
        }
        let rounds = try arguments.int("--rounds", in: 1...1000) ?? gate.config.rounds ?? RoundSchedule.defaultRounds
        let maxTime = try arguments.duration("--max-time") ?? defaultMaxTime
        if maxTime < 0 { throw arguments.usageError("--max-time: must be 0 or more") }
        let forwarded = try forwardedArguments(arguments)
        let selection = ["--filter", "--skip"].flatMap { name in arguments.value(name).map { [name, $0] } ?? [] }
        gate.ranEveryBenchmark = selection.isEmpty
        let baseRevision = arguments.positionals[0]
        let headRevision = arguments.positionals.count > 1 ? arguments.positionals[1] : nil
        let keepResults = arguments.value("--keep-results")
        let buildRoot = arguments.value("--build-root").map { URL(fileURLWithPath: $0).standardizedFileURL.path }

        // Everything git can refuse is checked before anything is created.
        let repository: GitRepository, prefix: String
        let baseCommit: String, headCommit: String?
        do {
            (repository, prefix) = try GitRepository.containing(packagePath)
            baseCommit = try repository.resolve(baseRevision)
            headCommit = try headRevision.map(repository.resolve) ?? (try? repository.resolve("HEAD"))
        } catch {
            throw CommandError(error)
        }
        let dirty = headRevision == nil ? ((try? repository.hasUncommittedChanges()) ?? false) : false

        let workspace: RefsWorkspace
        do { workspace = try RefsWorkspace(repository: repository, buildRoot: buildRoot) } catch { throw CommandError(error) }
        let interrupt = InterruptCleanup(command: "memgate refs", done: "temporary worktrees and build folders removed") { workspace.remove() }
        interrupt.install()
        let progress = ProgressLine(enabled: true)
        defer {
            progress.finish()
            workspace.remove()
            interrupt.checkpoint()
            interrupt.uninstall()
        }
        // Builds and benchmarks get a TMPDIR inside the workspace, so what SwiftPM leaves
        // there goes away with it. Restored (before the workspace is removed) on return.
        let savedTemporaryDirectory = ProcessInfo.processInfo.environment["TMPDIR"]
        setenv("TMPDIR", workspace.childTemporaryDirectory, 1)
        defer {
            if let savedTemporaryDirectory { setenv("TMPDIR", savedTemporaryDirectory, 1) } else { unsetenv("TMPDIR") }
        }

        let started = Date()
        let (pooled, report, base, head) = try interrupt.runLongPart(progress: progress, workspace: workspace) {
            () throws -> ([RefsSide: ResultsFile], Report, BuiltSide, BuiltSide) in
            func checkout(_ side: RefsSide, _ revision: String?, _ commit: String?) throws -> SideCheckout {
                var path = packagePath
                if revision != nil, let commit {
                    interrupt.checkpoint()
                    let worktree = try workspace.checkout(side, commit: commit)
                    path = prefix.isEmpty ? worktree : worktree + "/" + String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
                    guard FileManager.default.fileExists(atPath: path + "/Package.swift") else {
                        throw BuiltSide.Failure(description: "\(side) \(revision!): no Package.swift at \(prefix.isEmpty ? "the repository root" : prefix) in \(GitRevision.short(commit))")
                    }
                }
                return SideCheckout(side: side, revision: revision, commit: commit, dirty: side == .head && dirty,
                                    packagePath: path, scratchPath: try workspace.scratchPath(side))
            }
            let listed = arguments.values("--executable")
            let status = { (text: String) in progress.update("memgate refs: " + text) }
            let layout: CodeLayout = arguments.flag("--no-align") ? .compilerDefault : .aligned
            let base = try BuiltSide.build(checkout(.base, baseRevision, baseCommit), listed: listed, selection: selection,
                                           layout: layout, status: status)
            let head = try BuiltSide.build(checkout(.head, headRevision, headCommit), listed: listed, selection: selection,
                                           layout: layout, status: status)
            guard !base.benchmarks.isEmpty || !head.benchmarks.isEmpty else {
                throw BuiltSide.Failure(description: "no benchmark matches --filter/--skip on either side")
            }
            var runs = InterleavedRuns(base: base, head: head, forwardedArguments: forwarded, workspace: workspace)
            let settled = SettledRuns(
                looks: SequentialLooks(alpha: gate.options.alpha, settling: maxTime > 0), rounds: rounds, maxSeconds: maxTime,
                baselineName: "base \(base.checkout.label)", currentName: "head \(head.checkout.label)")
            let report = try settled.run(&runs, options: gate.options, status: status)
            return (runs.pooled, report, base, head)
        }

        if let keepResults {
            do {
                try FileManager.default.createDirectory(atPath: keepResults, withIntermediateDirectories: true)
                try pooled[.base]!.write(to: keepResults + "/base.json")
                try pooled[.head]!.write(to: keepResults + "/head.json")
            } catch { throw CommandError(error) }
        }
        if !progress.isEnabled {
            let count = RoundSchedule.union(base: base.names, head: head.names).count
            let samples = try arguments.int("--samples", in: 1...100_000) ?? defaultSamples
            context.errors += "memgate refs: base \(base.checkout.label) vs head \(head.checkout.label): \(count) benchmark\(count == 1 ? "" : "s") × \(rounds) rounds × \(samples) samples per side in \(MetricUnit.elapsed(Date().timeIntervalSince(started)))\(keepResults.map { "; results in \($0)/base.json, \($0)/head.json" } ?? "")\n"
        }
        try GateRun.prepare(pooled[.base]!, pooled[.head]!, gate: gate, context: &context)
        return try GateRun.render(report, gate: gate, context: &context)
    }

    /// `--samples` (always, default `defaultSamples`), `--sample-time` and `--timeout` for
    /// every run, checked here so a typo fails before the builds.
    static func forwardedArguments(_ arguments: ParsedArguments) throws -> [String] {
        let samples = try arguments.int("--samples", in: 1...100_000) ?? defaultSamples
        var result = ["--samples", "\(samples)"]
        for name in ["--sample-time", "--timeout"] {
            guard let value = try arguments.duration(name) else { continue }
            if value <= 0 { throw arguments.usageError("\(name): must be greater than 0") }
            result += [name, arguments.value(name)!]
        }
        _ = try BenchmarkSelection(arguments)
        return result
    }
}
