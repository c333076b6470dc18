import BaseSystem
import BenchResults
import CLISupport
import Foundation
import GateCore
import GateFormats
import GateRunner

/// `memgate history append RESULTS --file FILE [--keep N] [--commit SHA] [--date ISO] [--baseline PATH]`.
struct HistoryAppendCommand: Subcommand {
    static let name = "append"
    static let defaultKeep = 500

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate history append", summary: "Add a run's results to a history file as its newest line.",
            usage: "memgate history append [options] RESULTS --file FILE",
            discussion: """
            Run it after a passing gate on the main branch. The line holds the commit, the date, a hash of
            the baseline gated against (a change marks a baseline update) and, per benchmark that completed,
            the median, min and max of each metric. FILE is created if missing, and rewritten whole through a
            temporary file and a rename: a run killed at any moment leaves the old file or the new one. An
            existing FILE with a bad line is not overwritten. Appends to one file take turns (a flock on
            its folder from the read to the write), so none is lost. FILE may not be RESULTS or --baseline.

            Exit codes: 0 recorded, 2 usage or input error.
            """)
        spec.positional("RESULTS", help: "The results to record (memgate JSON or go test -bench output).")
        spec.option("--file", value: "FILE", help: "The history file (JSON Lines; required).")
        spec.option("--keep", value: "N", help: "Keep only the newest N runs.", defaultDescription: "\(defaultKeep)")
        spec.option("--commit", value: "SHA", help: "The commit measured.",
                    defaultDescription: "git rev-parse HEAD here, else $GITHUB_SHA, else empty")
        spec.option("--date", value: "ISO", help: "When, ISO 8601 (2026-12-02T14:00:00Z; stored in UTC).", defaultDescription: "now")
        spec.option("--baseline", value: "PATH", help: "The baseline gated against, hashed to mark updates.",
                    defaultDescription: "\(UpdateCommand.defaultBaseline) if present")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        guard let path = arguments.value("--file") else { throw arguments.usageError("missing --file FILE") }
        let keep = try arguments.int("--keep", in: 1...1_000_000) ?? defaultKeep
        let date = try date(arguments)
        let explicitCommit = arguments.value("--commit")
        if let explicitCommit, !HistoryEntry.isValidCommit(explicitCommit) {
            throw arguments.usageError("--commit: '\(explicitCommit)' contains whitespace or control characters")
        }
        var inputs = [("RESULTS", arguments.positionals[0])]
        if let baseline = arguments.value("--baseline")
            ?? (FileName(UpdateCommand.defaultBaseline).inode != nil ? UpdateCommand.defaultBaseline : nil) {
            inputs.append(("baseline", baseline))
        }
        try InputOverwrite.refuse(outputs: [("--file", path)], inputs: inputs)
        let results = try GateArguments.readResults(arguments.positionals[0])
        let baselineHash = try baselineHash(arguments.value("--baseline"))
        let commit = commit(explicit: explicitCommit, environment: context.environment) {
            GitRepository.headCommit(in: ".", launcher: Launcher(gate: context.launches))
        }
        let entry = HistoryEntry(results: results, commit: commit, date: date, baselineHash: baselineHash)
        guard !entry.benchmarks.isEmpty else {
            throw CommandError("\(arguments.positionals[0]): no benchmark completed, so there is nothing to record")
        }
        try OutputFile.createDirectory(containing: path)
        let (history, dropped) = try FolderLock.holding(folderOf: path) {
            try append(entry, to: path, keeping: keep, resultsPath: arguments.positionals[0])
        }
        context.output += "\(path): recorded \(commit.isEmpty ? "a run" : GitRevision.short(commit)) (\(entry.benchmarks.count) "
            + "benchmark\(entry.benchmarks.count == 1 ? "" : "s")); \(history.entries.count) run\(history.entries.count == 1 ? "" : "s") "
            + "kept\(dropped > 0 ? ", \(dropped) oldest dropped" : "")\n"
        return .pass
    }

    /// Reads the history at `path`, appends `entry`, keeps the newest `keep` runs and writes
    /// it back atomically. The caller holds the folder's lock, so no other append comes between.
    ///
    /// - Returns: the history written and how many old runs it dropped.
    private static func append(_ entry: HistoryEntry, to path: String, keeping keep: Int, resultsPath: String) throws -> (History, Int) {
        var history: History
        do { history = try History.read(contentsOf: path, missingIsEmpty: true) } catch {
            throw CommandError("\(error) (not overwritten; fix or remove it first)")
        }
        let before = history.entries.count
        do { try history.append(entry, keeping: keep) } catch {
            guard case let .invalid(_, place, problem) = error else { throw CommandError(error) }
            throw CommandError(ResultsError.invalid(path: resultsPath, place: place, problem: problem))
        }
        do { try history.write(to: path) } catch { throw CommandError(error) }
        return (history, before + 1 - history.entries.count)
    }

    /// The commit to record: `explicit` (`--commit`) if given, else the checked-out commit
    /// `gitHead` finds, else `GITHUB_SHA` from `environment` when it is a valid commit, else empty.
    static func commit(explicit: String?, environment: [String: String], gitHead: () -> String?) -> String {
        if let explicit { return explicit }
        if let head = gitHead() { return head }
        if let sha = environment["GITHUB_SHA"], HistoryEntry.isValidCommit(sha) { return sha }
        return ""
    }

    /// `--date` in UTC, or now.
    private static func date(_ arguments: ParsedArguments) throws -> String {
        guard let text = arguments.value("--date") else { return HistoryEntry.isoDate(Date()) }
        guard let date = HistoryEntry.normalizedDate(text) else {
            throw arguments.usageError("--date: '\(text)' is not an ISO 8601 date and time (for example 2026-12-02T14:00:00Z)")
        }
        return date
    }

    /// The hash of `--baseline` (which must be readable), else of the default baseline when it
    /// exists, else empty.
    private static func baselineHash(_ explicit: String?) throws -> String {
        let path = explicit ?? UpdateCommand.defaultBaseline
        do {
            return HistoryEntry.baselineHash(of: try InputFile.read(path))
        } catch ResultsError.missing(_) where explicit == nil {
            return ""
        } catch {
            throw CommandError("--baseline: \(error)")
        }
    }
}
