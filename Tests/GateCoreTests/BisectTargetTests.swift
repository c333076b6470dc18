import BenchResults
import Testing
import TestSupport
@testable import GateCore

/// `BisectTarget.choose` (what is bisected, from the ends' comparison) and
/// `BisectVerdict.exact` (one exact step).
@Suite struct BisectTargetTests {
    let two = Fixture.allocs([2, 2, 2]), three = Fixture.allocs([3, 3, 3])

    func ends(_ good: [BenchmarkResult], _ bad: [BenchmarkResult]) throws -> Report {
        try Fixture.compare(Fixture.file(good), Fixture.file(bad))
    }

    @Test func theRegressedExactMetricIsChosenAllocsBeforeBytes() throws {
        let report = try ends(
            [Fixture.benchmark("a", ["allocs": two, "bytes": Fixture.bytes([128, 128, 128])]), Fixture.benchmark("b", ["allocs": two])],
            [Fixture.benchmark("a", ["allocs": three, "bytes": Fixture.bytes([192, 192, 192])]), Fixture.benchmark("b", ["allocs": two])])
        let choice = try BisectTarget.choose(from: report, exact: true, metric: nil)
        #expect(choice.target?.benchmark == "a" && choice.target?.metric == "allocs" && choice.target?.exact == true)
        #expect(choice.target?.ends.baseline == 2 && choice.target?.ends.current == 3)
        #expect(choice.alsoRegressed == ["bytes 128 B/op -> 192 B/op (+50.0%)"])
        let bytes = try BisectTarget.choose(from: report, exact: true, metric: "bytes")
        #expect(bytes.target?.metric == "bytes" && bytes.alsoRegressed.isEmpty)
    }

    @Test func nothingRegressedChoosesNothing() throws {
        let report = try ends([Fixture.benchmark("a", ["allocs": two])], [Fixture.benchmark("a", ["allocs": two])])
        let choice = try BisectTarget.choose(from: report, exact: true, metric: nil)
        #expect(choice.target == nil && choice.inconclusive.isEmpty)
        // Asked for noisy metrics, the exact regression does not count.
        let exactOnly = try ends([Fixture.benchmark("a", ["allocs": two])], [Fixture.benchmark("a", ["allocs": three])])
        #expect(try BisectTarget.choose(from: exactOnly, exact: false, metric: nil).target == nil)
    }

    @Test func regressionsInSeveralBenchmarksAskForAChoice() throws {
        let report = try ends([Fixture.benchmark("a", ["allocs": two]), Fixture.benchmark("b", ["allocs": two])],
                              [Fixture.benchmark("a", ["allocs": three]), Fixture.benchmark("b", ["allocs": three])])
        #expect(throws: BisectTarget.Problem.several(["a allocs 2 allocs/op -> 3 allocs/op (+50.0%)",
                                                     "b allocs 2 allocs/op -> 3 allocs/op (+50.0%)"])) {
            try BisectTarget.choose(from: report, exact: true, metric: nil)
        }
        let error = BisectTarget.Problem.several(["a allocs ..."])
        #expect(error.description.contains("choose one with --filter"))
    }

    @Test func aBenchmarkFailedAtAnEndIsAnError() throws {
        let report = try ends([Fixture.benchmark("a", ["allocs": two])],
                              [Fixture.benchmark("a", ["allocs": two], status: .crashed, message: "signal 11")])
        #expect(throws: BisectTarget.Problem.failedAtAnEnd(["a at BAD: crashed: signal 11"])) {
            try BisectTarget.choose(from: report, exact: true, metric: nil)
        }
    }

    @Test func timeGoesFirstAmongNoisyRowsAndInconclusiveOnesAreNamed() throws {
        let slow = Fixture.time(Fixture.scaled(Fixture.steady, 1.5)), steady = Fixture.time(Fixture.steady)
        let report = try ends([Fixture.benchmark("a", ["cpu": steady, "time": steady])],
                              [Fixture.benchmark("a", ["cpu": slow, "time": slow])])
        let choice = try BisectTarget.choose(from: report, exact: false, metric: nil)
        #expect(choice.target?.metric == "time" && choice.target?.exact == false)
        #expect(choice.alsoRegressed.count == 1 && choice.alsoRegressed[0].hasPrefix("cpu "))
        // Two samples a side can never be significant: inconclusive, named.
        let few = try ends([Fixture.benchmark("a", ["time": Fixture.time([100, 101])])],
                           [Fixture.benchmark("a", ["time": Fixture.time([150, 151])])])
        let unsure = try BisectTarget.choose(from: few, exact: false, metric: nil)
        #expect(unsure.target == nil && unsure.inconclusive.count == 1 && unsure.inconclusive[0].hasPrefix("a time "))
    }

    @Test func exactOnlyKeepsExactMetricsOfTheNamedBenchmarks() {
        let file = Fixture.file([Fixture.benchmark("a", ["allocs": two, "time": Fixture.time([1, 2])]),
                                 Fixture.benchmark("b", ["allocs": two])])
        let kept = BisectTarget.exactOnly(file, benchmarks: ["a"])
        #expect(kept.benchmarks.map(\.name) == ["a"] && Set(kept.benchmarks[0].metrics.keys) == ["allocs"])
        #expect(BisectTarget.exactOnly(file).benchmarks.count == 2)
    }
}

/// `BisectVerdict.exact`: one run of a commit against GOOD's.
@Suite struct BisectExactVerdictTests {
    let target = BisectTarget(benchmark: "a", metric: "allocs", exact: true,
                              ends: MetricComparison(metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true,
                                                     baseline: 2, current: 3, threshold: .absolute(0),
                                                     verdict: .regression))

    func verdict(_ commit: BenchmarkResult?) throws -> BisectVerdict {
        let good = Fixture.file([Fixture.benchmark("a", ["allocs": Fixture.allocs([2, 2, 2])])])
        return BisectVerdict.exact(from: try Fixture.compare(good, Fixture.file(commit.map { [$0] } ?? [])), target: target)
    }

    @Test func regressedIsBadUnchangedOrBetterIsGood() throws {
        #expect(try verdict(Fixture.benchmark("a", ["allocs": Fixture.allocs([3, 3, 3])])) == .bad)
        #expect(try verdict(Fixture.benchmark("a", ["allocs": Fixture.allocs([2, 2, 2])])) == .good)
        #expect(try verdict(Fixture.benchmark("a", ["allocs": Fixture.allocs([1, 1, 1])])) == .good)
    }

    /// Fail closed: what cannot be judged is skipped, never good.
    @Test func failedMissingOrUnrecordedIsUntestable() throws {
        let crashed = try verdict(Fixture.benchmark("a", ["allocs": Fixture.allocs([2])], status: .crashed, message: "signal 6"))
        #expect(crashed == .untestable("the benchmark crashed: signal 6"))
        #expect(try verdict(nil) == .untestable("the benchmark is missing"))
        #expect(try verdict(Fixture.benchmark("a", ["time": Fixture.time([1, 2, 3])])) == .untestable("allocs was not recorded"))
        #expect(BisectVerdict.untestable("x").mark == .skipped && BisectVerdict.undecided("y", roundsNeeded: 3).mark == nil)
    }
}
