import BenchResults
import Foundation
import GateCore

extension BuiltSide {
    /// The flags that keep the passes after the samples (reference counting, allocation and
    /// retain sites) out of a run of `executable`, when its BenchKit has them (`--no-arc`,
    /// `--no-sites` in its `--help`); none for an older BenchKit, which has no passes to skip
    /// or cannot skip them.
    static func flagsWithoutPasses(executable path: String, checkout: SideCheckout, launcher: Launcher) -> [String] {
        guard let outcome = try? launcher.run(path, ["--help"], directory: checkout.packagePath), outcome.succeeded else { return [] }
        let flags = ["--no-arc", "--no-sites"]
        return flags.allSatisfy(outcome.output.contains) ? flags : []
    }

    /// Runs benchmark `name` once, in a fresh process of its executable in the side's
    /// package folder, with `arguments` plus `--filter ^NAME$ --output PATH --quiet`, and
    /// reads its results; `nil` when the side has no such benchmark.
    ///
    /// - Parameters:
    ///   - withoutPasses: adds the executable's `flagsWithoutPasses` (timing runs).
    ///   - label: names the run in an error ("round 3").
    /// - Throws: `InterleavedRuns.Failure` when the process exits with a status other than 0
    ///   or 1 (1: the benchmark failed, its results say so) or writes no results;
    ///   `ResultsError` for results that cannot be read.
    func runOnce(
        _ name: String, arguments: [String], withoutPasses: Bool, output: String, label: String, launcher: Launcher
    ) throws -> ResultsFile? {
        guard let executable = benchmarks.first(where: { $0.name == name })?.executable else { return nil }
        let quiet = withoutPasses ? flagsWithoutPasses[executable] ?? [] : []
        let outcome = try launcher.adding(environment: ["GIT_OPTIONAL_LOCKS": "0"]).run(
            executable, arguments + quiet + ["--filter", ExactNamePattern.regex(for: name), "--output", output, "--quiet"],
            directory: checkout.packagePath)
        guard outcome.status == 0 || outcome.status == 1, FileManager.default.fileExists(atPath: output) else {
            throw InterleavedRuns.Failure(description: "\(checkout.title): running \"\(name)\" (\(label)) "
                + "exited with status \(outcome.status) and wrote no results:\n\(outcome.errorOutput.lastLines(10))")
        }
        defer { try? FileManager.default.removeItem(atPath: output) }
        return try ResultsFile.read(contentsOf: output)
    }
}
