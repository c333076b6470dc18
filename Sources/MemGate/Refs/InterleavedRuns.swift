import BenchResults
import Foundation

/// Runs both sides' benchmarks in alternating rounds and pools each side's samples.
///
///     let runs = InterleavedRuns(rounds: 6, forwardedArguments: ["--samples", "5"], workspace: workspace)
///     let pooled = try runs.run(base: base, head: head, status: { progress.update($0) })
///     pooled[.base]!   // one ResultsFile with one value per round per benchmark
///
/// Each step of `RoundSchedule.steps` is one fresh process of the side's benchmark
/// executable, run in the side's package folder with `--filter ^NAME$` (see
/// `ExactNamePattern`), the forwarded arguments, `--output FILE` and `--quiet`; BenchKit
/// then runs the benchmark itself in a child process of its own, as always. The results
/// are reduced to one value per metric (`ResultsPool.oneValuePerRun`) and pooled per side.
struct InterleavedRuns {
    /// A run that produced no results (not a benchmark failure: those are recorded in the
    /// results and reported by the comparison).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How many rounds.
    var rounds: Int
    /// Arguments passed to every run (`--samples`, `--sample-time`, `--timeout`).
    var forwardedArguments: [String]
    /// Where the per-run results files go (each is deleted once pooled).
    var workspace: RefsWorkspace

    /// Runs every step and returns the pooled results of each side.
    ///
    /// - Parameters:
    ///   - status: called before each step with `round r/n · side · benchmark [k/total]`.
    /// - Throws: `Failure` when an executable exits with a status other than 0 or 1 or
    ///   writes no results; `ResultsPool.Mismatch` and `ResultsError` for results that
    ///   cannot be read or pooled.
    func run(base: BuiltSide, head: BuiltSide, status: (String) -> Void) throws -> [RefsSide: ResultsFile] {
        let sides: [RefsSide: BuiltSide] = [.base: base, .head: head]
        let steps = RoundSchedule.steps(rounds: rounds, base: base.names, head: head.names)
        var pools: [RefsSide: ResultsPool] = [.base: ResultsPool(), .head: ResultsPool()]
        for (index, step) in steps.enumerated() {
            let side = sides[step.side]!
            guard let executable = side.benchmarks.first(where: { $0.name == step.benchmark })?.executable else { continue }
            status("round \(step.round + 1)/\(rounds) · \(step.side) · \(step.benchmark) [\(index + 1)/\(steps.count)]")
            let output = workspace.resultsPath(round: step.round, side: step.side, index: index)
            let outcome = try Subprocess(
                executable: executable,
                arguments: forwardedArguments + ["--filter", ExactNamePattern.regex(for: step.benchmark), "--output", output, "--quiet"],
                directory: side.checkout.packagePath, environment: ["GIT_OPTIONAL_LOCKS": "0"]
            ).run()
            // Exit 1 means the benchmark failed, crashed or timed out; its results say so.
            guard outcome.status == 0 || outcome.status == 1, FileManager.default.fileExists(atPath: output) else {
                throw Failure(description: "\(step.side) \(side.checkout.label): running \"\(step.benchmark)\" (round \(step.round + 1)) exited with status \(outcome.status) and wrote no results:\n\(outcome.errorOutput.lastLines(10))")
            }
            let results = try ResultsFile.read(contentsOf: output)
            try pools[step.side]!.add(ResultsPool.oneValuePerRun(results))
            try? FileManager.default.removeItem(atPath: output)
        }
        return pools.mapValues(\.file)
    }
}
