import BenchResults
import Foundation
import GateCore

/// Runs both sides' benchmarks in alternating rounds and pools each side's samples.
///
///     var runs = InterleavedRuns(base: base, head: head, forwardedArguments: ["--samples", "5"], workspace: workspace)
///     try runs.run(rounds: 10, only: nil, status: { progress.update($0) })
///     try runs.run(rounds: 10, only: ["json/decode"], status: ...)  // a later look
///     runs.pooled[.base]!   // one ResultsFile with one value per round per benchmark
///
/// Each step of `RoundSchedule.steps` is one fresh process of the side's benchmark
/// executable, run in the side's package folder with `--filter ^NAME$` (see
/// `ExactNamePattern`), the forwarded arguments, the flags that skip the passes after the
/// samples (`BuiltSide.flagsWithoutPasses`: rounds measure only what is compared round by
/// round; `addPasses` brings the passes' counts in, once per side), `--output FILE` and
/// `--quiet`; BenchKit then runs the benchmark itself in a child process of its own, as
/// always. The results are reduced to one value per metric (`ResultsPool.oneValuePerRun`)
/// and pooled per side. Later calls continue the rounds' numbering, so the alternation of
/// sides goes on.
package struct InterleavedRuns: RoundSource {
    /// A run that produced no results (not a benchmark failure: those are recorded in the
    /// results and reported by the comparison).
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The two sides.
    package var base: BuiltSide, head: BuiltSide
    /// Arguments passed to every run (`--samples`, `--sample-time`, `--timeout`).
    package var forwardedArguments: [String]
    /// Where the per-run results files go (each is deleted once pooled).
    package var workspace: Workspace
    /// Starts every run (with the workspace's `TMPDIR`, for instance).
    package var launcher: Launcher
    /// What the status calls each side (`base`, `head`; `calibrate`'s pools are `A` and `B`).
    package var labels: [RefsSide: String]
    /// The rounds run so far (by every call).
    package private(set) var roundsRun = 0
    /// Each side's pooled results so far.
    package private(set) var pools: [RefsSide: ResultsPool] = [.base: ResultsPool(), .head: ResultsPool()]
    /// Wall seconds of the runs of each benchmark so far, both sides together, and how many
    /// rounds they cover: what one more round of it is likely to cost.
    package private(set) var seconds: [String: (total: Double, rounds: Int)] = [:]

    /// Creates runs with nothing run yet.
    package init(
        base: BuiltSide, head: BuiltSide, forwardedArguments: [String], workspace: Workspace, launcher: Launcher,
        labels: [RefsSide: String] = [.base: "base", .head: "head"]
    ) {
        self.labels = labels
        self.base = base
        self.head = head
        self.forwardedArguments = forwardedArguments
        self.workspace = workspace
        self.launcher = launcher
    }

    /// Each side's pooled results.
    package var pooled: [RefsSide: ResultsFile] { pools.mapValues(\.file) }

    /// Adds one run of the passes per benchmark of `side` (`PassRuns`) to its pool: their
    /// counts (retains, releases, objects) and sites, and a status that is not ok.
    package mutating func addPasses(_ passes: ResultsFile, to side: RefsSide) throws {
        try pools[side]!.add(PassResults.keepingPasses(of: passes))
    }

    /// The likely wall seconds of one more round of `names` (both sides), from the rounds
    /// run so far.
    package func secondsPerRound(of names: [String]) -> Double {
        names.reduce(0) { sum, name in
            guard let spent = seconds[name], spent.rounds > 0 else { return sum }
            return sum + spent.total / Double(spent.rounds)
        }
    }

    /// Runs `rounds` more rounds, of every benchmark or only of those in `only`, and pools
    /// their results.
    ///
    /// - Parameters:
    ///   - status: called before each step with `round r/n · LABEL · benchmark [k/total]`.
    /// - Throws: `Failure` when an executable exits with a status other than 0 or 1 or
    ///   writes no results; `ResultsPool.Mismatch` and `ResultsError` for results that
    ///   cannot be read or pooled.
    package mutating func run(rounds: Int, only: Set<String>?, status: (String) -> Void) throws {
        let sides: [RefsSide: BuiltSide] = [.base: base, .head: head]
        let chosen = { (names: [String]) in only.map { set in names.filter(set.contains) } ?? names }
        let steps = RoundSchedule.steps(rounds: rounds, firstRound: roundsRun, base: chosen(base.names), head: chosen(head.names))
        let lastRound = roundsRun + rounds
        for (index, step) in steps.enumerated() {
            status("round \(step.round + 1)/\(lastRound) · \(labels[step.side]!) · \(step.benchmark) [\(index + 1)/\(steps.count)]")
            let started = Date()
            guard let results = try sides[step.side]!.runOnce(
                step.benchmark, arguments: forwardedArguments, withoutPasses: true,
                output: workspace.resultsPath(round: step.round, side: step.side, index: index),
                label: "round \(step.round + 1)", launcher: launcher)
            else { continue }
            try pools[step.side]!.add(ResultsPool.oneValuePerRun(results))
            var spent = seconds[step.benchmark] ?? (0, 0)
            spent.total += Date().timeIntervalSince(started)
            seconds[step.benchmark] = spent
        }
        for name in Set(steps.map(\.benchmark)) { seconds[name]!.rounds += rounds }
        roundsRun = lastRound
    }
}
