import BenchResults
import CLISupport
import Foundation
import GateCore
import GateFormats
import GateRunner

/// What one `memgate run` does, read and checked from its arguments before the long build:
/// a typo, a missing or damaged baseline, an uncreatable results folder fail first.
struct RunPlan {
    /// The package folder as given (`.` by default).
    var packagePath: String
    /// The gate's options.
    var gate: GateArguments
    /// The baseline to check against or update, inside the package.
    var baselinePath: String
    /// Where this run's results go, inside the package.
    var resultsPath: String
    /// `--update`: record instead of checking.
    var update: Bool
    /// `--prune` (with `--update`).
    var prune: Bool
    /// The baseline as read before the build, nil when there is none (only with `--update`).
    var savedBaseline: ResultsFile?
    /// `--filter`/`--skip`.
    var selection: BenchmarkSelection
    /// `--executable` names; empty for the config's list or discovery.
    var executables: [String]
    /// The flags every benchmark executable gets.
    var forwarded: [String]
    /// `--scratch-path`: the build folder; nil for the package's `.build`.
    var scratchPath: String?
    /// `--shard I/N`, if given.
    var shard: Shard?
    /// The benchmarks this shard runs, once `applyShard` chose them.
    var shardNames: Set<String>?

    /// Reads and checks `arguments`, reads the baseline and creates the results folder.
    /// - Throws: `UsageError` for a bad value; `CommandError` for a missing or damaged
    ///   baseline, an unreadable config, a results folder that cannot be created.
    init(_ arguments: ParsedArguments) throws {
        let packagePath = arguments.value("--package-path") ?? "."
        func inPackage(_ path: String) -> String {
            path.hasPrefix("/") || packagePath == "." ? path : "\(packagePath)/\(path)"
        }
        self.packagePath = packagePath
        gate = try GateArguments(arguments, mode: .check, defaultConfigPath: inPackage(ConfigFile.defaultPath))
        let baselineArgument = arguments.value("--baseline") ?? RunCommand.defaultBaseline
        baselinePath = inPackage(baselineArgument)
        resultsPath = inPackage(arguments.value("--results") ?? RunCommand.defaultResults)
        update = arguments.flag("--update")
        prune = arguments.flag("--prune")
        if prune && !update { throw arguments.usageError("--prune: only with --update") }
        savedBaseline = try Self.readBaseline(baselinePath, shownAs: baselineArgument, required: !update)
        selection = try BenchmarkSelection(arguments)
        executables = arguments.values("--executable")
        scratchPath = arguments.value("--scratch-path").map(inPackage)
        shard = try ShardArgument.parse(arguments)
        if shard != nil && update { throw arguments.usageError("--shard: not with --update (record the baseline from a whole run)") }
        gate.ranEveryBenchmark = selection.selectsAll && executables.isEmpty && shard == nil
        forwarded = try Self.forwardedArguments(arguments)
        // Before the long part: the results folder must be creatable.
        try OutputFile.createDirectory(containing: resultsPath)
    }

    /// The baseline, read before the long build so that a missing (when `required`) or
    /// damaged one is reported now, with the way out.
    private static func readBaseline(_ path: String, shownAs argument: String, required: Bool) throws -> ResultsFile? {
        do { return try ResultsFile.read(anyFormat: path) } catch ResultsError.missing(_) {
            guard !required else {
                throw CommandError("""
                    no baseline at \(path). Record one with:
                      swift run -c release memgate run --update
                    then commit it (git add \(argument)).
                    """)
            }
            return nil
        } catch {
            throw CommandError("\(error)\nRestore it from version control (git checkout -- \(path)), "
                + "or remove it and record a new one with --update.")
        }
    }

    /// The baseline restricted to what this run could have run: benchmarks `--filter`/`--skip`
    /// left out, and with `--executable` those of other executables (`ran` lists the names
    /// the chosen executables hold), are left out rather than reported as missing; so are the
    /// reference-counting pass's metrics with `--no-arc`.
    func comparedBaseline(ran: () throws -> Set<String>) throws -> ResultsFile {
        guard var baseline = savedBaseline else { throw CommandError("\(baselinePath): no such file (removed during the run?)") }
        baseline.benchmarks = baseline.benchmarks.filter { selection.selects($0.name) }
        if !executables.isEmpty {
            let names = try ran()
            baseline.benchmarks = baseline.benchmarks.filter { names.contains($0.name) }
        }
        if let shardNames { baseline.benchmarks = baseline.benchmarks.filter { shardNames.contains($0.name) } }
        if forwarded.contains("--no-arc") {
            for index in baseline.benchmarks.indices {
                baseline.benchmarks[index].metrics = baseline.benchmarks[index].metrics.filter { name, _ in
                    !(MetricID(rawValue: name).map(PassResults.passMetrics.contains) ?? false)
                }
            }
        }
        return baseline
    }

    /// With `--shard`: chooses this shard's benchmarks among those `--filter`/`--skip`
    /// select (`listing` gives an executable's names), forwards an exact `--filter` of them
    /// instead of the user's `--filter`/`--skip`, and returns the executables that hold at
    /// least one. Without `--shard`: `built`, unchanged.
    /// - Throws: `CommandError` when the shard gets no benchmark (more shards than benchmarks).
    mutating func applyShard(
        to built: [(name: String, path: String)], listing: ((name: String, path: String)) throws -> [String]
    ) throws -> [(name: String, path: String)] {
        guard let shard else { return built }
        var owners: [String: Int] = [:]
        for (index, executable) in built.enumerated() {
            for name in try listing(executable) where selection.selects(name) { owners[name] = index }
        }
        let chosen = shard.select(owners.keys.sorted(), costs: Shard.costs(from: savedBaseline))
        guard !chosen.isEmpty else { throw ShardArgument.emptyShard(shard, total: owners.count) }
        shardNames = Set(chosen)
        var kept: [String] = []
        var index = 0
        while index < forwarded.count {
            if ["--filter", "--skip"].contains(forwarded[index]) { index += 2; continue }
            kept.append(forwarded[index])
            index += 1
        }
        forwarded = kept + ["--filter", ExactNamePattern.regex(forAnyOf: chosen)]
        let holders = Set(chosen.compactMap { owners[$0] })
        return built.enumerated().filter { holders.contains($0.offset) }.map(\.element)
    }

    /// The forwarded flags as given, after checking their values here, so a typo fails
    /// before a long build rather than after it.
    static func forwardedArguments(_ arguments: ParsedArguments) throws -> [String] {
        _ = try arguments.int("--samples", in: 1...100_000)
        _ = try arguments.int("--warmup", in: 0...1_000)
        for name in ["--sample-time", "--time-budget", "--timeout"] {
            if let value = try arguments.duration(name), value <= 0 { throw arguments.usageError("\(name): must be greater than 0") }
        }
        var result: [String] = []
        for flag in RunCommand.forwarded {
            if flag.value == nil {
                if arguments.flag(flag.name) { result.append(flag.name) }
            } else if let value = arguments.value(flag.name) {
                result += [flag.name, value]
            }
        }
        return result
    }
}
