import BenchResults
import CLISupport
import Foundation
import GateCore
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
            make the command exit 1 after writing the rest. The file is replaced atomically (temporary
            file + rename): an interrupted update leaves the old baseline intact. The baseline's
            directory is created if needed.

            Exit codes: 0 recorded, 1 some benchmarks failed and were not recorded, 2 usage or input error.
            """)
        spec.option("--baseline", value: "FILE", help: "The baseline to update.", defaultDescription: defaultBaseline)
        spec.flag("--prune", help: "Drop baseline benchmarks that are not in CURRENT.")
        spec.positional("CURRENT", help: "The results to record (memgate JSON or go test -bench output).")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let current = try GateArguments.readResults(arguments.positionals[0])
        return try record(current, baselinePath: arguments.value("--baseline") ?? defaultBaseline,
                          prune: arguments.flag("--prune"), context: &context)
    }

    /// Merges `current` into the baseline at `baselinePath` (created if missing) and writes
    /// it atomically. Shared by `update` and `run --update`.
    ///
    /// - Returns: `.pass`, or `.regression` when some benchmarks failed and were not recorded.
    static func record(_ current: ResultsFile, baselinePath: String, prune: Bool, context: inout CommandContext) throws -> ExitCode {
        var baseline: ResultsFile?
        do {
            baseline = try ResultsFile.read(anyFormat: baselinePath)
        } catch ResultsError.missing(_) {
            baseline = nil
        } catch {
            throw CommandError("\(error) (not overwritten; fix or remove it first)")
        }
        let update = BaselineUpdate(baseline: baseline, current: current, prune: prune)
        try OutputFile.createDirectory(containing: baselinePath)
        do { try update.merged.write(to: baselinePath) } catch { throw CommandError(error) }
        context.output += update.summary(baselinePath: baselinePath)
        return update.notRecorded.isEmpty ? .pass : .regression
    }
}
