import BenchResults
import BenchStatistics
import Foundation
import Testing
@testable import GateCore

@Suite struct SequentialLooksTests {
    @Test func levelsSumToAlpha() {
        let looks = SequentialLooks(alpha: 0.01, settling: true)
        #expect(looks.level(look: 0) == 0.005)
        #expect(looks.level(look: 1) == 0.00125)
        let total = (0...SequentialLooks.maxExtraLooks).map(looks.level).reduce(0, +)
        #expect(abs(total - 0.01) < 1e-15)
        #expect(SequentialLooks(alpha: 0.01, settling: false).level(look: 0) == 0.01)
    }

    static func report(_ rows: [(String, Verdict, Int?)]) -> Report {
        let benchmarks = rows.map { name, verdict, needed in
            BenchmarkComparison(name: name, presence: .compared, metrics: [
                MetricComparison(metric: "time", unit: .nanosecondsPerOp, better: .lower, exact: false, baseline: 1, current: 1.2,
                                 threshold: .percent(10), verdict: verdict, samplesNeeded: needed),
            ])
        }
        return Report(baselineName: "a", currentName: "b", mode: .check, noisyGated: true, noisyNotGatedReason: nil,
                      debugBuilds: [], alpha: 0.01, familySize: 1, benchmarks: benchmarks)
    }

    @Test func openBenchmarksAreTheInconclusiveOnes() {
        let report = Self.report([("a", .pass, nil), ("b", .inconclusive, 30), ("c", .regression, nil), ("d", .inconclusive, 12)])
        #expect(SequentialLooks.open(in: report) == ["b", "d"])
    }

    @Test func nextRoundsFollowTheLargestNeedWithinTheBudget() {
        let report = Self.report([("b", .inconclusive, 77), ("d", .inconclusive, 12)])
        func check(_ soFar: Int, _ minimum: Int, _ affordable: Int, _ expected: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(SequentialLooks.nextRounds(report: report, roundsSoFar: soFar, minimum: minimum, affordable: affordable) == expected,
                    sourceLocation: sourceLocation)
        }
        check(10, 10, 1000, 30)   // 77 needed, 10 had: at most 3 × 10 more in one look
        check(40, 10, 1000, 37)   // 77 needed, 40 had
        check(70, 10, 1000, 10)   // 7 short of the need, but a look is at least `minimum`
        check(10, 10, 20, 20)     // the budget caps it
        check(10, 10, 9, 0)       // less than the minimum fits: no look
        check(10, 10, 0, 0)
        // No estimate at all (rows too small to estimate): the minimum.
        #expect(SequentialLooks.nextRounds(
            report: Self.report([("x", .inconclusive, nil)]), roundsSoFar: 10, minimum: 10, affordable: 100) == 10)
    }

    @Test func mergeReplacesOnlyTheLaterLooksBenchmarks() {
        let first = Self.report([("a", .pass, nil), ("b", .inconclusive, 30), ("c", .regression, nil)])
        let later = Self.report([("b", .pass, nil)])
        let merged = SequentialLooks.merge(first, with: later)
        #expect(merged.benchmarks.map(\.name) == ["a", "b", "c"])
        #expect(merged.benchmarks.map { $0.metrics[0].verdict } == [.pass, .pass, .regression])
    }
}