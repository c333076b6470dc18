import BenchResults
import BenchStatistics
import Foundation
import Testing
import TestSupport
@testable import GateCore
@testable import GateRunner

/// One interleaved pair of a noisy bisection step, scripted: each round one value per side of
/// benchmark "spin"'s time, lognormal around 1000 ns times the side's factor (a coefficient of
/// variation of `cv`), and in the bimodal variant a third of the processes 8% slower
/// (docs/performance.md); from round `crashAt` on, the head side's benchmark crashes.
struct ScriptedPair: RoundSource {
    var factors: [RefsSide: Double]
    var random: SeededRandom
    var cv = 0.05
    var bimodal = false
    var crashAt: Int?
    var roundsRun = 0
    var values: [RefsSide: [Double]] = [.base: [], .head: []]

    init(base: Double, head: Double, seed: UInt64, cv: Double = 0.05, bimodal: Bool = false) {
        factors = [.base: base, .head: head]
        random = SeededRandom(seed: seed)
        self.cv = cv
        self.bimodal = bimodal
    }

    func secondsPerRound(of names: [String]) -> Double { 0.1 * Double(names.count) }

    mutating func run(rounds: Int, only: Set<String>?, status: (String) -> Void) throws {
        let sigma = (log(1 + cv * cv)).squareRoot()
        for _ in 0..<rounds {
            for side in RefsSide.allCases {
                var value = 1000 * factors[side]! * exp(sigma * random.nextGaussian())
                if bimodal && random.nextUniform() < 1.0 / 3 { value *= 1.08 }
                values[side]!.append(value)
            }
        }
        roundsRun += rounds
    }

    var pooled: [RefsSide: ResultsFile] {
        values.mapValues { samples in
            let crashed = crashAt.map { roundsRun > $0 } ?? false
            return Fixture.file([Fixture.benchmark("spin", ["time": Fixture.time(samples)], status: crashed ? .crashed : .ok,
                                                   message: crashed ? "signal 11" : nil)])
        }
    }
}

/// The noisy step of `memgate bisect` over scripted rounds (`StepRounds` of two
/// `ScriptedPair`s, settled by `SettledRuns`, decided by `NoisyStep`), and seeded simulations
/// of whole bisections: how often they name the right commit, a wrong one, or none.
@Suite struct BisectStepTests {
    static let target = BisectTarget(
        benchmark: "spin", metric: "time", exact: false,
        ends: MetricComparison(metric: "time", unit: .nanosecondsPerOp, better: .lower, exact: false, baseline: 1000, current: 1300,
                               threshold: .percent(20), verdict: .regression))

    static var options: ComparisonOptions {
        var options = ComparisonOptions()
        options.thresholds = ThresholdPolicy(overrides: ["time": .percent(20)])
        return options
    }

    /// The ends' test (`target` nil) or a step's, as `memgate bisect` settles them.
    static func settled(level: Double, maxRounds: Int = 40, step: BisectTarget? = nil) -> SettledRuns {
        SettledRuns.bisectTest(level: level, rounds: 10, maxRounds: maxRounds, names: ("GOOD", "commit"), step: step)
    }

    /// One step: the commit measures `commit` times GOOD, BAD is 1.3 times GOOD.
    static func step(commit: Double, seed: UInt64, cv: Double = 0.05, bimodal: Bool = false, level: Double = 0.002,
                     maxRounds: Int = 40) throws -> (verdict: BisectVerdict, rounds: Int, value: Double?) {
        var rounds = StepRounds(below: ScriptedPair(base: 1, head: commit, seed: seed, cv: cv, bimodal: bimodal),
                                above: ScriptedPair(base: commit, head: 1.3, seed: seed &+ 1, cv: cv, bimodal: bimodal), target: target)
        let settled = settled(level: level, maxRounds: maxRounds, step: target)
        let report = try settled.run(&rounds, options: options, clock: { 0 }, status: { _ in })
        return (NoisyStep.decide(report, target: target), rounds.roundsRun, NoisyStep.commitValue(report, target: target))
    }

    @Test func aCommitLikeGoodIsGoodAndOneLikeBadIsBad() throws {
        let good = try Self.step(commit: 1, seed: 1)
        #expect(good.verdict == .good && good.rounds == 10)
        #expect(abs((good.value ?? 0) - 1000) < 50)
        let bad = try Self.step(commit: 1.3, seed: 2)
        #expect(bad.verdict == .bad && bad.rounds == 10)
    }

    /// A change between the ends, within the threshold of both: neither comparison can
    /// regress, so the step is undecided, never guessed.
    @Test func aChangeBetweenTheEndsIsUndecided() throws {
        let between = try Self.step(commit: 1.14, seed: 3)
        guard case .undecided(let why, _) = between.verdict else {
            Issue.record("\(between.verdict)")
            return
        }
        #expect(why.hasPrefix("neither comparison is significant past the threshold (time 20%): commit vs GOOD +"), "\(why)")
    }

    /// Noise too large to settle within --max-rounds: more rounds are run, never more than
    /// allowed, and the step is never called good (the commit is as bad as BAD).
    @Test func noisyRoundsStopAtMaxRoundsAndNeverGuess() throws {
        for seed in UInt64(10)..<20 {
            let step = try Self.step(commit: 1.3, seed: seed, cv: 0.6, maxRounds: 25)
            #expect(step.rounds <= 25 && step.rounds >= 10)
            #expect(step.verdict != .good, "seed \(seed)")
        }
    }

    /// The round limit stops the looks, and the settling note says which limit it was.
    @Test func maxRoundsLimitsTheLooks() throws {
        var source = SettledRunsTests.ScriptedRounds(value: SettledRunsTests.shiftedThenEqual)
        var settled = SettledRunsTests.settled
        settled.maxRounds = 25
        let report = try settled.run(&source, options: ComparisonOptions(), clock: { 0 }, status: { _ in })
        #expect(source.roundsRun == 25)
        #expect(report.settling?.contains("the round limit (--max-rounds)") == true || report.settling?.hasPrefix("settled") == true,
                "\(report.settling ?? "nil")")
    }

    /// A crash in the rounds makes the commit untestable: never good, never bad.
    @Test func aCrashInTheRoundsIsUntestable() throws {
        var below = ScriptedPair(base: 1, head: 1, seed: 4)
        below.crashAt = 3
        var rounds = StepRounds(below: below, above: ScriptedPair(base: 1, head: 1.3, seed: 5), target: Self.target)
        let report = try Self.settled(level: 0.002, step: Self.target).run(&rounds, options: Self.options, clock: { 0 }, status: { _ in })
        #expect(NoisyStep.decide(report, target: Self.target) == .untestable("the benchmark crashed: signal 11"))
    }

    /// Only the comparison left open runs more rounds.
    @Test func onlyTheOpenPairRunsMore() throws {
        var rounds = StepRounds(below: ScriptedPair(base: 1, head: 1, seed: 6), above: ScriptedPair(base: 1, head: 1.3, seed: 7),
                                target: Self.target)
        try rounds.run(rounds: 3, only: [NoisyStep.aboveName("spin")], status: { _ in })
        #expect(rounds.below.roundsRun == 0 && rounds.above.roundsRun == 3 && rounds.roundsRun == 3)
        #expect(rounds.pooled[.base]?.benchmarks.map(\.name) == ["spin [commit vs GOOD]", "spin [BAD vs commit]"])
    }
}
