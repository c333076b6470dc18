import BenchResults
import GateCore

/// The rounds of one noisy step of `memgate bisect`, as one `RoundSource` for `SettledRuns`:
/// two interleaved pairs, **below** (GOOD as base, the commit as head) and **above** (the
/// commit as base, BAD as head), shown as `NoisyStep.combine`'s two benchmarks.
///
///     var rounds = StepRounds(below: InterleavedRuns(base: good, head: commit, ...),
///                             above: InterleavedRuns(base: commit, head: bad, ...), target: target)
///     let report = try settled.run(&rounds, options: options, status: status)
///     NoisyStep.decide(report, target: target)
///
/// Each round runs one round of each pair that is asked for, below first; each pair keeps
/// its own alternation of sides (`RoundSchedule`), so both comparisons are interleaved as in
/// `memgate refs`. The commit runs in both pairs, as separate processes. Generic over its
/// pairs so that tests script them.
package struct StepRounds<Below: RoundSource, Above: RoundSource>: RoundSource {
    /// GOOD (base) against the commit (head).
    package var below: Below
    /// The commit (base) against BAD (head).
    package var above: Above
    /// The benchmark and metric the step decides.
    package var target: BisectTarget

    /// Rounds over these two pairs (nothing run yet, or what they ran already).
    package init(below: Below, above: Above, target: BisectTarget) {
        self.below = below
        self.above = above
        self.target = target
    }

    /// The rounds of the pair that ran more.
    package var roundsRun: Int { max(below.roundsRun, above.roundsRun) }

    /// `NoisyStep.combine` of the two pairs' pools.
    package var pooled: [RefsSide: ResultsFile] { NoisyStep.combine(below: below.pooled, above: above.pooled, target: target) }

    /// The wall seconds of one more round of the pairs behind `names`.
    package func secondsPerRound(of names: [String]) -> Double {
        let (runsBelow, runsAbove) = pairs(names)
        return (runsBelow ? below.secondsPerRound(of: [target.benchmark]) : 0)
            + (runsAbove ? above.secondsPerRound(of: [target.benchmark]) : 0)
    }

    /// Runs `rounds` rounds of both pairs, or of those whose comparison is in `only`.
    package mutating func run(rounds: Int, only: Set<String>?, status: (String) -> Void) throws {
        let (runsBelow, runsAbove) = only.map { pairs(Array($0)) } ?? (true, true)
        let benchmark: Set<String> = [target.benchmark]
        for _ in 0..<max(rounds, 0) {
            if runsBelow { try below.run(rounds: 1, only: benchmark, status: status) }
            if runsAbove { try above.run(rounds: 1, only: benchmark, status: status) }
        }
    }

    /// Whether `names` include the below and the above comparison.
    private func pairs(_ names: [String]) -> (below: Bool, above: Bool) {
        (names.contains(NoisyStep.belowName(target.benchmark)), names.contains(NoisyStep.aboveName(target.benchmark)))
    }
}
