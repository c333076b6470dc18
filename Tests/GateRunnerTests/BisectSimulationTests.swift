import BenchResults
import BenchStatistics
import Testing
import TestSupport
@testable import GateCore
@testable import GateRunner

/// Seeded simulations of whole noisy bisections over 16 commits: the ends' test (interleaved
/// rounds of GOOD and BAD, `SettledRuns`, `BisectTarget.choose`), then `BisectSearch.drive`
/// with each step's rounds scripted (`BisectStepTests.step`), at the levels of `BisectLevels`
/// (alpha 0.01 over 5 tests). Each commit measures like GOOD before the culprit and like BAD
/// from it on; the culprit's position is seeded.
@Suite struct BisectSimulationTests {
    static let commits = 16

    enum Outcome: Equatable { case correct, wrong, unsure, notReproduced }

    /// One bisection with BAD `shift` times GOOD and the culprit at `culprit`.
    static func bisect(shift: Double, culprit: Int, seed: UInt64, bimodal: Bool) throws -> Outcome {
        let levels = BisectLevels(alpha: 0.01, commits: commits)
        var ends = ScriptedPair(base: 1, head: shift, seed: seed, bimodal: bimodal)
        var options = BisectStepTests.options
        options.family = .allGated
        let endsReport = try BisectStepTests.settled(level: levels.level).run(&ends, options: options, clock: { 0 }, status: { _ in })
        guard try BisectTarget.choose(from: endsReport, exact: false, metric: "time").target != nil else { return .notReproduced }
        var stepSeed = seed
        let run = try BisectSearch.drive(count: commits, levels: levels) { position in
            stepSeed = stepSeed &* 6364136223846793005 &+ 1442695040888963407
            let step = try BisectStepTests.step(commit: position >= culprit ? shift : 1, seed: stepSeed, bimodal: bimodal,
                                                level: levels.level)
            return BisectResult.Step(position: position, verdict: step.verdict, rounds: step.rounds)
        }
        guard run.stop == .over, run.search.isFound else { return .unsure }
        return run.search.firstBad == culprit ? .correct : .wrong
    }

    static func simulate(runs: Int, shift: Double, seed: UInt64, bimodal: Bool) throws -> [Outcome: Int] {
        var random = SeededRandom(seed: seed)
        var counts: [Outcome: Int] = [:]
        for _ in 0..<runs {
            let culprit = 1 + Int(random.next() % UInt64(commits))
            counts[try bisect(shift: shift, culprit: culprit, seed: random.next(), bimodal: bimodal), default: 0] += 1
        }
        return counts
    }

    /// A +30% change with the threshold at 20% and 5% noise (a third of the processes 8%
    /// slower): measured with these seeds, 99 of 100 named correctly, 1 not reproduced at the
    /// ends, none wrong, none unsure. (Before steps were reopened, `NoisyStep.reopen`: 94
    /// correct, 5 unsure, the point estimate just inside the threshold after 10 rounds.)
    @Test func thirtyPercentIsNamedAndNothingWrong() throws {
        let counts = try Self.simulate(runs: 100, shift: 1.3, seed: 26, bimodal: true)
        #expect(counts[.wrong, default: 0] == 0, "\(counts)")
        #expect(counts[.correct, default: 0] >= 97, "\(counts)")
    }

    /// No change between the ends: the ends' test says not reproduced (never a bisection that
    /// names a commit): measured with this seed, 200 of 200.
    @Test func unchangedEndsAreNotReproduced() throws {
        let counts = try Self.simulate(runs: 200, shift: 1, seed: 27, bimodal: true)
        #expect(counts[.notReproduced, default: 0] >= 198, "\(counts)")
        #expect(counts[.wrong, default: 0] + counts[.correct, default: 0] <= 2, "\(counts)")
    }
}
