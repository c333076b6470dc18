import CLISupport
import Foundation
import GateCore
import GateRunner

/// What one `memgate refs` does, read and checked from its arguments before anything is
/// created, so a typo fails before any worktree or build.
struct RefsPlan {
    /// The package folder, absolute.
    var packagePath: String
    /// The gate's options (thresholds, alpha, formats, outputs).
    var gate: GateArguments
    /// Alternating rounds of the first look.
    var rounds: Int
    /// Samples per benchmark per round.
    var samples: Int
    /// Seconds all rounds may take (`--max-time`); 0 settles nothing.
    var maxTime: Double
    /// Arguments every benchmark run gets (`--samples`, `--sample-time`, `--timeout`).
    var forwarded: [String]
    /// `--filter`/`--skip` for listing benchmarks.
    var selection: [String]
    /// `--shard I/N`, if given: both sides run only this shard's benchmarks.
    var shard: Shard?
    /// `--executable` names; empty to use each side's config or discovery.
    var executables: [String]
    /// How both sides are built.
    var layout: CodeLayout
    /// The revision compared against.
    var baseRevision: String
    /// The revision checked; nil for the working tree.
    var headRevision: String?
    /// `--keep-results`.
    var keepResults: String?
    /// `--build-root`, absolute.
    var buildRoot: String?

    /// Reads and checks `arguments`.
    /// - Throws: `UsageError` for a bad value, `CommandError` for an unreadable config.
    init(_ arguments: ParsedArguments) throws {
        packagePath = arguments.absolutePath("--package-path", orElse: ".")!
        gate = try GateArguments(arguments, mode: .check, defaultConfigPath: packagePath + "/" + ConfigFile.defaultPath,
                                 origin: .interleaved)
        rounds = try arguments.int("--rounds", in: 1...1000) ?? gate.config.rounds ?? RoundSchedule.defaultRounds
        maxTime = try arguments.duration("--max-time") ?? RefsCommand.defaultMaxTime
        if maxTime < 0 { throw arguments.usageError("--max-time: must be 0 or more") }
        samples = try arguments.int("--samples", in: 1...100_000) ?? RefsCommand.defaultSamples
        forwarded = try Self.forwardedArguments(arguments)
        selection = ["--filter", "--skip"].flatMap { name in arguments.value(name).map { [name, $0] } ?? [] }
        shard = try ShardArgument.parse(arguments)
        gate.ranEveryBenchmark = selection.isEmpty && shard == nil
        executables = arguments.values("--executable")
        layout = arguments.flag("--no-align") ? .compilerDefault : .aligned
        baseRevision = arguments.positionals[0]
        headRevision = arguments.positionals.count > 1 ? arguments.positionals[1] : nil
        keepResults = arguments.value("--keep-results")
        buildRoot = arguments.absolutePath("--build-root")
    }

    /// With `--shard`: both sides narrowed to this shard's benchmarks (of the names either
    /// side has, in name order: refs has no baseline to balance by, so each shard gets an
    /// equal share). Without it: the sides unchanged.
    /// - Throws: `CommandError` when the shard gets no benchmark.
    func narrowedToShard(_ base: BuiltSide, _ head: BuiltSide) throws -> (base: BuiltSide, head: BuiltSide) {
        guard let shard else { return (base, head) }
        let names = Set(base.benchmarks.map(\.name) + head.benchmarks.map(\.name)).sorted()
        let chosen = Set(shard.select(names, costs: [:]))
        guard !chosen.isEmpty else { throw ShardArgument.emptyShard(shard, total: names.count) }
        var (base, head) = (base, head)
        base.benchmarks = base.benchmarks.filter { chosen.contains($0.name) }
        head.benchmarks = head.benchmarks.filter { chosen.contains($0.name) }
        return (base, head)
    }

    /// `--samples` (always, default `RefsCommand.defaultSamples`), `--sample-time` and
    /// `--timeout` for every run, checked here so a typo fails before the builds.
    static func forwardedArguments(_ arguments: ParsedArguments) throws -> [String] {
        let samples = try arguments.int("--samples", in: 1...100_000) ?? RefsCommand.defaultSamples
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

/// The two revisions of one `memgate refs`, resolved: everything git can refuse is checked
/// before anything is created.
struct RefsRevisions {
    /// The repository holding the package.
    var repository: GitRepository
    /// The package's folder relative to the repository root ("" at the root, else ending in "/").
    var prefix: String
    /// BASE's commit.
    var baseCommit: String
    /// HEAD's commit, or the working tree's HEAD commit (nil in a repository without commits).
    var headCommit: String?
    /// Whether the working tree (HEAD left out) has uncommitted changes.
    var dirty: Bool

    /// Resolves `plan`'s revisions in the repository containing its package, starting git
    /// with `launcher`.
    /// - Throws: `CommandError`: not a git repository, an unknown revision.
    init(_ plan: RefsPlan, launcher: Launcher) throws {
        do {
            (repository, prefix) = try GitRepository.containing(plan.packagePath, launcher: launcher)
            baseCommit = try repository.resolve(plan.baseRevision)
            headCommit = try plan.headRevision.map(repository.resolve) ?? (try? repository.resolve("HEAD"))
        } catch {
            throw CommandError(error)
        }
        dirty = plan.headRevision == nil ? ((try? repository.hasUncommittedChanges()) ?? false) : false
    }
}
