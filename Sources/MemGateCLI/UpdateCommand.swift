import BaseSystem
import BenchResults
import CLISupport
import Foundation
import GateCore
import GateFormats
import GateRunner

/// `memgate update CURRENT [--baseline FILE] [--prune]`: record results as the baseline,
/// atomically.
struct UpdateCommand: Subcommand {
    static let name = "update"
    static let defaultBaseline = "baselines/baseline.json"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate update", summary: "Record CURRENT as the new baseline (atomic merge).",
            usage: "memgate update [options] CURRENT",
            discussion: """
            Benchmarks in CURRENT replace the baseline's entries of the same name; the others are kept
            unless --prune. Benchmarks that failed in CURRENT are not recorded (the old entry stays) and
            make the command exit 1 after writing the rest; a CURRENT in which no benchmark ran or every
            one failed records nothing (exit 2). The file is replaced atomically (temporary file + rename):
            an interrupted update leaves the old baseline intact. The baseline's directory is created if
            needed, and locked (flock) from the read to the write: concurrent updates take turns.
            CURRENT may not be the baseline itself.

            Exit codes: 0 recorded, 1 some benchmarks failed and were not recorded, 2 usage or input error.
            """)
        spec.option("--baseline", value: "FILE", help: "The baseline to update.", defaultDescription: defaultBaseline)
        spec.flag("--prune", help: "Drop baseline benchmarks that are not in CURRENT.")
        spec.positional("CURRENT", help: "The results to record (memgate JSON or go test -bench output).")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let baselinePath = arguments.value("--baseline") ?? defaultBaseline
        try InputOverwrite.refuse(outputs: [("--baseline", baselinePath)], inputs: [("CURRENT", arguments.positionals[0])])
        let current = try GateArguments.readResults(arguments.positionals[0])
        return try record(current, baselinePath: baselinePath, prune: arguments.flag("--prune"), context: &context)
    }

    /// Merges `current` into the baseline at `baselinePath` (created if missing) and writes
    /// it atomically, holding the lock on the baseline's folder from the read to the write
    /// (`FolderLock`: concurrent updates take turns, none is lost). Shared by `update` and
    /// `run --update`.
    ///
    /// - Returns: `.pass`, or `.regression` when some benchmarks failed and were not recorded.
    /// - Throws: `CommandError` (exit 2, nothing written) when `current` has no benchmark that
    ///   completed, or the baseline cannot be read, locked or written.
    static func record(_ current: ResultsFile, baselinePath: String, prune: Bool, context: inout CommandContext) throws -> ExitCode {
        guard current.benchmarks.contains(where: { $0.status == .ok }) else {
            let what = current.benchmarks.isEmpty
                ? "no benchmark ran" : "every benchmark failed (\(current.benchmarks.count) of \(current.benchmarks.count))"
            throw CommandError("nothing to record: \(what), so \(baselinePath) is left as it was"
                + (prune ? " (--prune would have emptied it)" : ""))
        }
        try OutputFile.createDirectory(containing: baselinePath)
        var waited = false
        let update = try FolderLock.holding(folderOf: baselinePath, onWait: { waited = true }) {
            let baseline = try readBaseline(baselinePath)
            let inputs = baseline.map { GateInputs(baseline: $0, current: current) }
            let update = BaselineUpdate(baseline: inputs?.baseline, current: inputs?.current ?? current, prune: prune)
            do { try update.merged.write(to: baselinePath) } catch { throw CommandError(error) }
            return update
        }
        if waited { context.errors += "memgate update: note: waited for another update in \(FolderLock.folder(of: baselinePath))\n" }
        context.output += update.summary(baselinePath: baselinePath)
        if current.environment.isDebugBuild { context.errors += debugWarning(baselinePath) }
        return update.notRecorded.isEmpty ? .pass : .regression
    }

    /// The baseline at `path`, or nil when there is none yet.
    ///
    /// - Throws: `CommandError` when it exists but cannot be read (it is then not overwritten).
    static func readBaseline(_ path: String) throws -> ResultsFile? {
        do {
            return try ResultsFile.read(anyFormat: path)
        } catch ResultsError.missing(_) {
            return nil
        } catch {
            throw CommandError("\(error) (not overwritten; fix or remove it first)")
        }
    }

    /// The loud warning for a baseline recorded from a debug build.
    static func debugWarning(_ baselinePath: String) -> String {
        "memgate update: WARNING: the results recorded in \(baselinePath) come from a DEBUG build; debug timings and "
            + "allocation counts are not what a release build does, so checks against this baseline will mislead. "
            + "Build the benchmarks in release (swift build -c release, or memgate run) and update again.\n"
    }
}
