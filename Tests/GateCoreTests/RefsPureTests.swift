import BenchResults
import Testing
import TestSupport
@testable import GateCore

/// The pure parts of `memgate refs` in GateCore: round order, pooling, name patterns (its git
/// revision checks are GateRunner's: RefsRevisionTests).
@Suite struct RefsRoundScheduleTests {
    @Test func sidesAlternateEachRound() {
        #expect(RoundSchedule.order(round: 0) == [.base, .head])
        #expect(RoundSchedule.order(round: 1) == [.head, .base])
        #expect(RoundSchedule.order(round: 2) == [.base, .head])
        #expect(RoundSchedule.order(round: 5) == [.head, .base])
    }

    @Test func stepsPairEachBenchmarkAndKeepOneSidedOnes() {
        typealias Step = RoundSchedule.Step
        let steps = RoundSchedule.steps(rounds: 2, base: ["a", "gone"], head: ["new", "a"])
        #expect(steps == [
            Step(round: 0, side: .base, benchmark: "a"), Step(round: 0, side: .head, benchmark: "a"),
            Step(round: 0, side: .base, benchmark: "gone"),
            Step(round: 0, side: .head, benchmark: "new"),
            Step(round: 1, side: .head, benchmark: "a"), Step(round: 1, side: .base, benchmark: "a"),
            Step(round: 1, side: .base, benchmark: "gone"),
            Step(round: 1, side: .head, benchmark: "new"),
        ])
    }

    @Test func evenRoundsGiveEachSideTheFirstSlotEquallyOften() {
        let steps = RoundSchedule.steps(rounds: 6, base: ["x"], head: ["x"])
        let firsts = stride(from: 0, to: steps.count, by: 2).map { steps[$0].side }
        #expect(firsts.filter { $0 == .base }.count == 3)
        #expect(firsts.filter { $0 == .head }.count == 3)
    }

    @Test func unionKeepsBaseOrderThenHeadOnly() {
        #expect(RoundSchedule.union(base: ["b", "a"], head: ["c", "a", "d"]) == ["b", "a", "c", "d"])
        #expect(RoundSchedule.union(base: [], head: []) == [])
    }

    @Test func noRoundsNoSteps() {
        #expect(RoundSchedule.steps(rounds: 0, base: ["a"], head: ["a"]).isEmpty)
        #expect(RoundSchedule.steps(rounds: -1, base: ["a"], head: ["a"]).isEmpty)
    }
}

@Suite struct RefsResultsPoolTests {
    static func run(_ name: String, time: [Double], allocs: [Double]? = nil, iterations: [Int]? = nil,
                    status: BenchmarkStatus = .ok, message: String? = nil, batch: Int? = nil) -> BenchmarkResult {
        var metrics = ["time": Fixture.time(time)]
        if let allocs { metrics["allocs"] = Fixture.allocs(allocs) }
        return BenchmarkResult(name: name, status: status, message: message,
                               iterations: iterations ?? Array(repeating: 100, count: time.count),
                               latency: batch.map(LatencyMode.init), metrics: metrics)
    }

    @Test func appendsSamplesAndIterationsInOrder() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("a", time: [1, 2], allocs: [3, 3], iterations: [10, 11])]))
        try pool.add(Fixture.file([Self.run("a", time: [5], allocs: [3], iterations: [12])]))
        let a = try #require(pool.file["a"])
        #expect(a.iterations == [10, 11, 12])
        #expect(a.metrics["time"]?.samples == [1, 2, 5])
        #expect(a.metrics["allocs"]?.samples == [3, 3, 3])
        #expect(pool.count == 2)
        #expect(try pool.file.jsonBytes().isEmpty == false)
    }

    @Test func keepsFirstSeenOrderAndOneSidedBenchmarks() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("b", time: [1]), Self.run("a", time: [1])]))
        try pool.add(Fixture.file([Self.run("c", time: [2]), Self.run("a", time: [2])]))
        #expect(pool.file.benchmarks.map(\.name) == ["b", "a", "c"])
        #expect(pool.file["a"]?.metrics["time"]?.samples == [1, 2])
        #expect(pool.file["b"]?.metrics["time"]?.samples == [1])
    }

    @Test func environmentIsTheFirstFiles() throws {
        var pool = ResultsPool()
        #expect(pool.file.environment == Environment())
        var other = Fixture.environment
        other.gitCommit = "second"
        try pool.add(Fixture.file([Self.run("a", time: [1])]))
        try pool.add(Fixture.file([Self.run("a", time: [1])], environment: other))
        #expect(pool.file.environment == Fixture.environment)
    }

    @Test func firstFailureWinsAndGoodSamplesStay() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("a", time: [1])]))
        try pool.add(Fixture.file([BenchmarkResult(name: "a", status: .crashed, message: "signal 11")]))
        try pool.add(Fixture.file([BenchmarkResult(name: "a", status: .timeout, message: "after 60s")]))
        try pool.add(Fixture.file([Self.run("a", time: [2])]))
        let a = try #require(pool.file["a"])
        #expect(a.status == .crashed)
        #expect(a.message == "signal 11")
        #expect(a.metrics["time"]?.samples == [1, 2])
    }

    @Test func metricMissingInOneRunGetsFewerSamples() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("a", time: [1, 1])]))
        try pool.add(Fixture.file([Self.run("a", time: [2], allocs: [4])]))
        #expect(pool.file["a"]?.metrics["allocs"]?.samples == [4])
        #expect(pool.file["a"]?.metrics["time"]?.samples == [1, 1, 2])
    }

    @Test func latencyBatchIsTheLargest() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("a", time: [1], batch: 4)]))
        try pool.add(Fixture.file([Self.run("a", time: [1], batch: 16)]))
        try pool.add(Fixture.file([Self.run("a", time: [1], batch: 8)]))
        try pool.add(Fixture.file([Self.run("a", time: [1])]))
        #expect(pool.file["a"]?.latency == LatencyMode(batchSize: 16))
    }

    @Test func unitMismatchThrowsAndLeavesPoolUnchanged() throws {
        var pool = ResultsPool()
        try pool.add(Fixture.file([Self.run("a", time: [1])]))
        let before = pool.file
        var odd = Self.run("a", time: [2])
        odd.metrics["time"] = Metric(unit: MetricUnit("ms/op"), samples: [2])
        #expect(throws: ResultsPool.Mismatch.self) { try pool.add(Fixture.file([Self.run("b", time: [1]), odd])) }
        #expect(pool.file == before)
        #expect(pool.count == 1)
        var flipped = Self.run("a", time: [2])
        flipped.metrics["time"]!.better = .higher
        #expect(throws: ResultsPool.Mismatch.self) { try pool.add(Fixture.file([flipped])) }
    }

    @Test func pooledFileIsValid() throws {
        var pool = ResultsPool()
        for round in 0..<3 { try pool.add(Fixture.file([Self.run("a/b", time: [Double(round + 1)], allocs: [2])])) }
        try pool.file.validate()
    }
}

@Suite struct RefsNamePatternTests {
    func check(_ name: String, matches others: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let pattern = ExactNamePattern.regex(for: name)
        let regex = try Regex(pattern)
        #expect((try? regex.firstMatch(in: name)) != nil, "\(pattern) does not match \(name)", sourceLocation: sourceLocation)
        for other in others {
            #expect((try? regex.firstMatch(in: other)) == nil, "\(pattern) matches \(other)", sourceLocation: sourceLocation)
        }
    }

    @Test func matchesOnlyTheName() throws {
        #expect(ExactNamePattern.regex(for: "sort/n=1000") == #"^sort\/n\=1000$"#)
        try check("blocks", matches: ["blocks2", "xblocks", "block"])
        try check("sort/n=1000", matches: ["sort/n=10000", "sort/n=1000/x"])
        try check("a.b", matches: ["axb"])
        try check("f(x) [y] {z} *+?|^$\\", matches: ["f(x) [y] {z} "])
        try check("with space and-dash #1", matches: ["with space and-dash #10"])
        try check("unicodé/µs/🙂", matches: ["unicodé/µs/🙂!"])
        try check("tab\tname", matches: ["tab name"])
    }
}

@Suite struct OneValuePerRunTests {
    @Test func reducesEveryMetricToItsMedianAndSumsIterations() throws {
        let run = ResultsFile(benchmarks: [
            BenchmarkResult(name: "a", iterations: [10, 10, 10], metrics: [
                "time": Metric(unit: .nanosecondsPerOp, samples: [5, 1, 3]),
                "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [2, 2, 2]),
                "custom": Metric(unit: MetricUnit("x"), samples: [7]),
            ]),
            BenchmarkResult(name: "crashed", status: .crashed, message: "SIGSEGV"),
        ])
        let summary = ResultsPool.oneValuePerRun(run)
        #expect(summary["a"]?.iterations == [30])
        #expect(summary["a"]?[.time]?.samples == [3])
        #expect(summary["a"]?[.allocs]?.samples == [2])
        #expect(summary["a"]?[.allocs]?.exact == true)
        #expect(summary["a"]?.metrics["custom"]?.samples == [7])
        #expect(summary["crashed"] == run["crashed"])
        try summary.validate()
    }
}
