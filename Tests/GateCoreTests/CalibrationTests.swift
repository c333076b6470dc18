import BenchResults
import BenchStatistics
import Foundation
import Testing
import TestSupport
@testable import GateCore

@Suite struct CalibrationAdviceTests {
    @Test func niceRoundsUpToTheNextStep() {
        func check(_ value: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(CalibrationAdvice.nice(value) == expected, sourceLocation: sourceLocation)
        }
        check(0, 0.01)
        check(0.05, 0.05)
        check(0.0501, 0.07)
        check(0.11, 0.15)
        check(3, 2)   // beyond the last step: the last step
    }

    @Test func withFractionKeepsTheAbsolutePartAsWritten() throws {
        #expect(try Threshold(parsing: "10% +1MiB").withFraction(0.05).text == "5% +1MiB")
        #expect(Threshold.absolute(0).withFraction(0.3).text == "30% +0")
        #expect(Threshold.off.withFraction(0.1) == Threshold.percent(10))
        #expect(Threshold.percent(10).withFraction(0.07) == Threshold.percent(7))
        #expect(Threshold.percent(10).withFraction(0.07).text == "7%")
    }

    static func row(_ benchmark: String, _ metric: String, wander: Double? = nil, shift: Double? = nil, rounds: Int? = 10,
                    threshold: Threshold = .percent(10)) -> Calibration.Row {
        Calibration.Row(benchmark: benchmark, metric: metric, unit: shift == nil ? .nanosecondsPerOp : .allocationsPerOp,
                        exact: shift != nil, rounds: (10, 10), spread: 0, wander: wander, roundsNeeded: shift == nil ? rounds : nil,
                        shift: shift, threshold: threshold, verdict: .pass)
    }

    @Test func aJumpyBenchmarkGetsItsOwnEntry() {
        let rows = [
            Self.row("a", "time", wander: 0.02), Self.row("b", "time", wander: 0.028), Self.row("c", "time", wander: 0.3),
            Self.row("a", "peakRSS", wander: 0.004, threshold: try! Threshold(parsing: "10% +1MiB")),
            Self.row("a", "allocs", shift: 0), Self.row("b", "p99", wander: 0.5, threshold: .off),
        ]
        let advice = CalibrationAdvice(rows: rows, currentFloor: 0.3)
        // Needs 2%, 3%, 30%: the median need is 3%, and 30% is more than twice that.
        #expect(advice.thresholds == ["time": .percent(3), "peakRSS": try! Threshold(parsing: "1% +1MiB")])
        #expect(advice.benchmarks == [CalibrationAdvice.Entry(name: "c", thresholds: ["time": .percent(30)])])
        #expect(advice.unstableFloor == nil)  // no unstable exact metric
        #expect(advice.rounds == 10)
    }

    @Test func theFloorIsOnlyRaised() {
        #expect(CalibrationAdvice(rows: [Self.row("t", "allocs", shift: 0.21)], currentFloor: 0.3).unstableFloor == 0.5)
        #expect(CalibrationAdvice(rows: [Self.row("t", "allocs", shift: 0.1)], currentFloor: 0.3).unstableFloor == nil)
    }

    /// Per-metric floors (bytes 10%, counts 30% by default): B/op moving 8% between
    /// processes needs 20% for bytes, but the key sets every metric, so the advice is 30%.
    @Test func theFloorIsRaisedPerMetricAndLowersNone() {
        let floor = ComparisonOptions().unstableFloor(for:)
        let rows = [Self.row("t", "bytes", shift: 0.08), Self.row("t", "allocs", shift: 0)]
        #expect(CalibrationAdvice(rows: rows, floor: floor).unstableFloor == 0.3)
        #expect(CalibrationAdvice(rows: [Self.row("t", "bytes", shift: 0.04)] + rows.dropFirst(), floor: floor).unstableFloor == nil)
        #expect(CalibrationAdvice(rows: [Self.row("t", "bytes", shift: 0.2)] + rows.dropFirst(), floor: floor).unstableFloor == 0.4)
    }

    @Test func roundsAreTheUpperQuartileOfTheNeedsWithinBounds() {
        let needs = [5, 8, 12, 40, nil]
        let rows = needs.enumerated().map { Self.row("b\($0.offset)", "time", wander: 0.02, rounds: $0.element) }
        // Sorted needs 5, 8, 12, 40, 50 (nil counts as 50): index 3 of 5 is 40.
        #expect(CalibrationAdvice(rows: rows, currentFloor: 0.3).rounds == 40)
        #expect(CalibrationAdvice(rows: [Self.row("x", "time", wander: 0.02, rounds: 5)], currentFloor: 0.3).rounds == 5)
    }

    @Test func mergeKeepsTheUsersKeys() throws {
        let existing = try StrictJSON.parse(Array(#"""
            {"alpha": 0.02, "thresholds": {"bytes": "7%", "time": "10%"}, "executables": ["X"],
             "benchmarks": [{"match": "c", "thresholds": {"p99": "off"}}]}
            """#.utf8))
        var advice = CalibrationAdvice(rows: [], currentFloor: 0.3)
        advice.thresholds = ["time": .percent(3)]
        advice.benchmarks = [.init(name: "c", thresholds: ["time": .percent(30)]), .init(name: "d", thresholds: ["cpu": .percent(20)])]
        advice.rounds = 12
        advice.unstableFloor = 0.4
        let merged = advice.merged(into: existing)
        let bytes = Array(merged.written(.compact).utf8)
        let config = try GateConfig(json: bytes, path: "merged")
        #expect(config.alpha == 0.02)
        #expect(config.executables == ["X"])
        #expect(config.thresholds == ["bytes": .percent(7), "time": .percent(3)])
        #expect(config.rounds == 12)
        #expect(config.unstableFloor == 0.4)
        #expect(config.benchmarks.map(\.match.pattern) == ["c", "d"])
        #expect(config.benchmarks[0].thresholds == ["p99": .off, "time": .percent(30)])
        // The printed fragment is the same advice.
        let printed = try GateConfig(json: Array(advice.json.utf8), path: "printed")
        #expect(printed.thresholds == ["time": .percent(3)] && printed.rounds == 12 && printed.unstableFloor == 0.4)
        #expect(printed.benchmarks.count == 2)
    }
}

@Suite struct CalibrationTests {
    /// Two pools of the same lognormal process values (CV 5%): an A/A calibration of two
    /// benchmarks, one of them with an unstable exact count.
    static func pools(seed: UInt64, rounds: Int = 10) -> (ResultsFile, ResultsFile) {
        var random = SeededRandom(seed: seed)
        let sigma = (log(1 + 0.05 * 0.05)).squareRoot()
        func pool() -> ResultsFile {
            Fixture.file([
                Fixture.benchmark("steady", [
                    "time": Fixture.time((0..<rounds).map { _ in 1000 * exp(sigma * random.nextGaussian()) }),
                    "allocs": Fixture.allocs(Array(repeating: 3, count: rounds)),
                ]),
                Fixture.benchmark("async", [
                    "time": Fixture.time((0..<rounds).map { _ in 5000 * exp(sigma * random.nextGaussian()) }),
                    "allocs": Fixture.allocs((0..<rounds).map { _ in 34 + (random.nextUniform() < 0.2 ? 8 : random.nextUniform()) }),
                ]),
            ])
        }
        return (pool(), pool())
    }

    @Test func anAACalibrationOfQuietBenchmarks() throws {
        let (a, b) = Self.pools(seed: 3)
        let calibration = try Calibration(a: a, b: b, options: ComparisonOptions())
        let time = try #require(calibration.rows.first { $0.benchmark == "steady" && $0.metric == "time" })
        #expect(time.rounds == (10, 10))
        // CV 5%: the middle 90% of values spans about ±8%; the median of 10 wanders a few %.
        #expect(time.spread > 0.04 && time.spread < 0.12, "\(time.spread)")
        #expect(time.wander! > 0.005 && time.wander! < 0.08, "\(time.wander!)")
        // A 10% threshold with 10 rounds: the detectable change is a step above it.
        #expect(time.detectable! > 0.1 && time.detectable! <= 0.3, "\(String(describing: time.detectable))")
        let stable = try #require(calibration.rows.first { $0.benchmark == "steady" && $0.metric == "allocs" })
        #expect(stable.shift == 0)
        let jumpy = try #require(calibration.rows.first { $0.benchmark == "async" && $0.metric == "allocs" })
        #expect(jumpy.shift! > 0.15 && jumpy.shift! < 0.25, "\(jumpy.shift!)")
        #expect(calibration.report.exitCode(policy: .report) == .pass)
        #expect(calibration.splitFalseAlarms <= 4, "\(calibration.splitFalseAlarms) of 200")
        // The advice: a few percent for time, the floor raised to twice the shift.
        let advice = calibration.recommendation
        #expect(advice.thresholds["time"]!.fraction! <= 0.1)
        #expect(advice.unstableFloor == 0.5)
        #expect((5...50).contains(advice.rounds))
        // Deterministic for a seed.
        let again = try Calibration(a: a, b: b, options: ComparisonOptions())
        #expect(again.rows == calibration.rows && again.recommendation == calibration.recommendation)
    }

    @Test func theTextNamesEveryGatedRowAndTheAdvice() throws {
        let (a, b) = Self.pools(seed: 4)
        let text = try Calibration(a: a, b: b, options: ComparisonOptions()).renderText(style: .plain, all: false)
        #expect(text.contains("steady     time     10+10"), "\(text)")
        #expect(text.contains("async      allocs   10+10  ±11.3%  shift 20.4%"), "\(text)")
        #expect(!text.contains("steady     allocs"))  // stable exact rows are hidden
        #expect(text.contains("(1 stable or ungated rows hidden; --all shows them)"))
        #expect(text.contains("Recommended configuration"))
    }
}
