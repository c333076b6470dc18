import BenchResults
import BenchStatistics
import CLISupport
import Foundation
import GateFormats
import Testing
@testable import GateCore

/// Change points of single series and the rules of `HistoryCheck`, on hand-made histories.
@Suite struct ChangePointTests {
    /// A history of one benchmark `b` whose metric `name` has `values` as its run medians
    /// (commits `c01`, `c02`, ...), the baseline changing at run `update` (1-based) if given.
    /// Noisy metrics get min/max 2% around the median; exact ones min = max unless `unstable`.
    static func history(_ metrics: [String: [Double]], update: Int? = nil, unstable: Bool = false,
                        custom: HistoryEntry.MetricSummary? = nil) -> History {
        let count = metrics.values.first!.count
        return History(entries: (1...count).map { run in
            var summaries: [String: HistoryEntry.MetricSummary] = [:]
            for (name, values) in metrics {
                let value = values[run - 1]
                let properties = MetricID(rawValue: name)?.properties
                let spread = properties?.exact == true && !unstable ? 0 : 0.02
                var summary = custom
                    ?? HistoryEntry.MetricSummary(unit: properties?.unit ?? MetricUnit("widgets"), median: 0, min: 0, max: 0)
                (summary.median, summary.min, summary.max) = (value, value * (1 - spread), value * (1 + spread))
                summaries[name] = summary
            }
            let baseline = update.map { run >= $0 ? "bb" : "aa" } ?? "aa"
            return HistoryEntry(commit: String(format: "c%02d", run), date: "2026-01-01T00:00:00Z", baselineHash: baseline,
                                benchmarks: [HistoryEntry.Benchmark(name: "b", metrics: summaries)])
        })
    }

    /// `count` values around `level` with a seeded 1% noise.
    static func noisy(_ count: Int, level: Double, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in level * exp(0.01 * random.nextGaussian()) }
    }

    static func check(_ history: History, metrics: [String]? = nil, options: ComparisonOptions = gating) -> HistoryCheck {
        HistoryCheck(history: history, benchmarks: ["b"], metrics: metrics, options: options)
    }

    static let gating = ComparisonOptions(config: GateConfig(), origin: .interleaved)

    @Test func exactChangesAreEveryChangeOfTheMedian() {
        #expect(ExactChanges.indices(in: [3, 3, 4, 4, 3]) == [2, 4])
        #expect(ExactChanges.indices(in: [3, 3 + 1e-12, 3]).isEmpty)  // within 1e-9 relative: the same count
        #expect(ExactChanges.indices(in: [0, 0, 1]) == [2])
        let steps = ChangeStep.steps(at: [2, 4], in: [3, 3, 4, 4, 3])
        #expect(steps.map(\.before) == [3, 4] && steps.map(\.after) == [4, 3])
        #expect(steps[0].relativeChange.map { abs($0 - 1.0 / 3) < 1e-12 } == true)
        #expect(ChangeStep(index: 1, before: 0, after: 1).relativeChange == nil)
    }

    @Test func stepsInOneDirectionFormOneShift() {
        let steps = [ChangeStep(index: 10, before: 100, after: 105), ChangeStep(index: 15, before: 105, after: 112),
                     ChangeStep(index: 30, before: 112, after: 100)]
        let shifts = Shift.grouping(steps)
        #expect(shifts.count == 2)
        #expect(shifts[0].steps.count == 2 && shifts[0].lastBefore == 9 && shifts[0].firstAfter == 15)
        #expect(shifts[0].relativeChange.map { abs($0 - 0.12) < 1e-12 } == true)
        #expect(shifts[0].isWorse(better: .lower) && !shifts[0].isWorse(better: .higher))
        #expect(!shifts[1].rises && shifts[1].pValue == nil)
    }

    @Test func anExactSeriesNamesTheTwoRunsOfItsStep() throws {
        var detection = ChangeDetection(alpha: 0.01)
        let history = Self.history(["allocs": Array(repeating: 3, count: 8) + Array(repeating: 4, count: 4)])
        let series = try #require(SeriesChanges.all(in: history, benchmarks: ["b"], metrics: nil, detection: &detection).first)
        #expect(series.method == .exact)
        #expect(series.steps == [ChangeStep(index: 8, before: 3, after: 4)])
        #expect(series.range(series.shifts[0]) == "c08..c09")
        #expect(series.describe(series.shifts[0]) == "+33.3% worse (3 allocs/op to 4 allocs/op), runs 8 to 9, commits c08..c09, exact")
    }

    @Test func aNoisyStepIsFoundWhereItHappened() throws {
        var detection = ChangeDetection(alpha: 0.01)
        let values = Self.noisy(30, level: 1000, seed: 1) + Self.noisy(30, level: 1300, seed: 2)
        let series = try #require(SeriesChanges.all(in: Self.history(["time": values]), benchmarks: ["b"], metrics: ["time"],
                                                    detection: &detection).first)
        #expect(series.method == .rank)
        #expect(series.steps.count == 1 && series.steps[0].index == 30)
        let p = try #require(series.steps[0].pValue)
        #expect(p == 1.0 / 2000)  // no permutation reaches a clean split of 30 against 30
        #expect(series.describe(series.shifts[0])
            == "+29.2% worse (1.00 µs/op to 1.30 µs/op), runs 30 to 31, commits c30..c31, p=5.0e-04")
        // Unchanged: no change point.
        let flat = Self.history(["time": Self.noisy(60, level: 1000, seed: 3)])
        #expect(SeriesChanges.all(in: flat, benchmarks: ["b"], metrics: nil, detection: &detection)[0].steps.isEmpty)
    }

    @Test func aSeriesStartsAgainWhereItsUnitChanges() {
        var history = Self.history(["allocs": [3, 3, 3, 4, 4]])
        for index in 0..<3 { history = Self.replacingUnit(history, at: index) }
        var detection = ChangeDetection(alpha: 0.01)
        let series = SeriesChanges.all(in: history, benchmarks: ["b"], metrics: nil, detection: &detection)[0]
        #expect(series.points.count == 2 && series.runs == [3, 4] && series.steps.isEmpty)
    }

    static func replacingUnit(_ history: History, at index: Int) -> History {
        var entries = history.entries
        entries[index].benchmarks[0].metrics["allocs"]?.unit = .bytesPerOp
        return History(entries: entries)
    }
}
