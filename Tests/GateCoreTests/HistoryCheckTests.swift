import BenchResults
import CLISupport
import Foundation
import GateFormats
import Testing
@testable import GateCore

/// The rules of `memgate history check` (docs/thresholds.md, "Change points over history"),
/// one history per rule, and its text and JSON.
@Suite struct HistoryCheckTests {
    typealias T = ChangePointTests
    static let steady = T.noisy(30, level: 1000, seed: 11), slower = T.noisy(30, level: 1300, seed: 12)

    @Test func anExactCountThatGrewSinceTheUpdateFails() throws {
        let allocs = Array(repeating: 3.0, count: 10) + [4, 4]
        let check = T.check(T.history(["allocs": allocs], update: 3))
        #expect(check.exitCode == .regression && check.checked == 1)
        let finding = try #require(check.findings.first)
        #expect(finding.regressed && finding.pValue == nil && finding.levelAtUpdate == 3 && finding.levelNow == 4)
        #expect(finding.series.runSpan(finding.span) == "runs 10 to 11")
        // The same step before the update was accepted by it.
        #expect(T.check(T.history(["allocs": allocs], update: 11)).exitCode == .pass)
        #expect(T.check(T.history(["allocs": allocs], update: 12)).exitCode == .pass)
        // Fixed since: the level is back, no finding.
        #expect(T.check(T.history(["allocs": allocs + [3]], update: 3)).findings.isEmpty)
    }

    @Test func aNoisyStepBeyondTheThresholdFailsAndWithinItPasses() throws {
        let check = T.check(T.history(["time": Self.steady + Self.slower]))
        #expect(check.exitCode == .regression)
        let finding = try #require(check.findings.first)
        #expect(finding.series.method == .rank && finding.pValue == 1.0 / 2000 && finding.adjustedPValue == 1.0 / 2000)
        // +5% is a change point, but within the 10% threshold.
        let small = T.check(T.history(["time": Self.steady + T.noisy(30, level: 1050, seed: 12)]))
        #expect(small.exitCode == .pass && small.findings.isEmpty && small.checked == 1)
        // Faster is better: an improvement never fails.
        #expect(T.check(T.history(["time": Self.slower + Self.steady])).exitCode == .pass)
    }

    @Test func tooFewRunsSinceTheUpdateAreListedNotFailed() throws {
        // The update at run 58: 3 runs from it on, a change after it needs 6.
        let check = T.check(T.history(["time": Self.steady + Self.slower], update: 58))
        #expect(check.exitCode == .pass && check.checked == 0)
        #expect(check.unchecked == [HistoryCheck.Unchecked(benchmark: "b", metric: "time", runsSinceUpdate: 3, needed: 6)])
        let text = check.text(name: "h.jsonl", style: .plain)
        #expect(text.contains("not checked: b time: not enough runs since the last baseline update to look for change points (3 < 6)"))
        #expect(text.hasSuffix("PASS: no series worse than its threshold since its last baseline update (0 checked, 1 not checked: "
            + "too few runs)\n"))
        // 6 runs from the update on: judged (and the step 25 runs before it was accepted).
        #expect(T.check(T.history(["time": Self.steady + Self.slower], update: 55)).checked == 1)
        // A short history needs two segments in all: 8 runs from the first.
        let short = T.check(T.history(["time": Array(Self.steady.prefix(8))]))
        #expect(short.unchecked.first?.needed == 10 && short.unchecked.first?.runsSinceUpdate == 8)
        // Exact series are always checked.
        #expect(T.check(T.history(["allocs": [3, 3, 4]])).exitCode == .regression)
    }

    @Test func thresholdsOffAndReportedNoisyMetricsAreNotGated() throws {
        let history = T.history(["time": Self.steady + Self.slower])
        var config = GateConfig()
        config.thresholds["time"] = .off
        let off = T.check(history, options: ComparisonOptions(config: config, origin: .interleaved))
        #expect(off.exitCode == .pass && off.notGated == 1 && off.checked == 0)
        var flags = ComparisonFlags()
        flags.noisy = .report
        let reported = T.check(history, options: ComparisonOptions(config: GateConfig(), flags: flags, origin: .interleaved))
        #expect(reported.exitCode == .pass && reported.notGated == 1)
        flags.thresholds["time"] = .percent(40)
        flags.noisy = nil
        #expect(T.check(history, options: ComparisonOptions(config: GateConfig(), flags: flags, origin: .interleaved)).exitCode == .pass)
    }

    /// An exact metric whose samples vary within runs is judged by rank, against its
    /// threshold widened to the unstable floor (30% for counts), as the gate judges it.
    @Test func anUnstableCountNeedsItsFloor() throws {
        let plus20 = T.check(T.history(["allocs": T.noisy(30, level: 34, seed: 1) + T.noisy(30, level: 40.8, seed: 2)], unstable: true))
        #expect(plus20.exitCode == .pass && plus20.checked == 1 && plus20.findings.isEmpty)
        let plus50 = T.check(T.history(["allocs": T.noisy(30, level: 34, seed: 1) + T.noisy(30, level: 51, seed: 2)], unstable: true))
        let finding = try #require(plus50.findings.first)
        #expect(finding.regressed && finding.series.method == .rank && finding.threshold.text == "30% +0")
    }

    @Test func aCustomMetricKeepsItsDirection() {
        let higher = HistoryEntry.MetricSummary(unit: MetricUnit("widgets"), median: 0, min: 0, max: 0, better: .higher, exact: false)
        let history = T.history(["speed": Self.slower + Self.steady], custom: higher)
        #expect(T.check(history).exitCode == .regression)
        #expect(T.check(T.history(["speed": Self.slower + Self.steady])).exitCode == .pass)  // no record: lower is better
    }

    @Test func textAndJSONNameTheRange() throws {
        let history = T.history(["time": Self.steady + Self.slower, "allocs": Array(repeating: 3, count: 60)])
        let check = T.check(history)
        let text = check.text(name: "h.jsonl", style: .plain)
        #expect(text.hasPrefix("h.jsonl: 60 runs, 2 series checked since their last baseline update (alpha 0.01)\n"), "\(text)")
        #expect(text.contains("REGRESSED b time: 1.00 µs/op to 1.30 µs/op (+29.7%, threshold 10%) since run 1 (no baseline update in "
            + "the history)\n    worse runs 30 to 31 in 1 step, commits c30..c31, p=5.0e-04 [rank test]\n"), "\(text)")
        #expect(text.contains("the newest 4 runs are judged by the checks that follow"))
        #expect(text.hasSuffix("FAIL: 1 of 2 series worse than the threshold since the last baseline update\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.json(name: "h.jsonl").utf8)) as? [String: Any])
        #expect(json["format"] as? String == "memgate-history-check" && json["exitCode"] as? Int == 1)
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["fromCommit"] as? String == "c30" && finding["toCommit"] as? String == "c31")
        #expect(finding["lastRunBefore"] as? Int == 30 && finding["firstRunAfter"] as? Int == 31)
        #expect((finding["steps"] as? [[String: Any]])?.count == 1)
    }
}

/// A baseline update with the change that moved the level: the change is the update's, even
/// where a noisy estimate places it a few runs late.
@Suite struct HistoryCheckUpdateTests {
    typealias T = ChangePointTests

    @Test func aChangeAtTheUpdateIsAccepted() throws {
        let values = HistoryCheckTests.steady + HistoryCheckTests.slower  // the step at run 31
        var detection = ChangeDetection(alpha: 0.01)
        // The update at run 29, two runs before the step: within the minimum segment, so only
        // the runs since the update are searched, and they hold a change only 2 runs in.
        let early = T.history(["time": values], update: 29)
        let whole = SeriesChanges.all(in: early, benchmarks: ["b"], metrics: nil, detection: &detection)[0]
        let window = HistoryCheck.window(whole, detection: &detection)
        #expect(window.runs.first == 28 && window.points.count == 32)
        #expect(T.check(early).exitCode == .pass)
        // At the update itself, or before it: accepted.
        #expect(T.check(T.history(["time": values], update: 31)).exitCode == .pass)
        #expect(T.check(T.history(["time": values], update: 40)).exitCode == .pass)
        // Long before it: the whole series is searched and the step is after the update.
        let late = T.history(["time": values], update: 10)
        #expect(HistoryCheck.window(SeriesChanges.all(in: late, benchmarks: ["b"], metrics: nil, detection: &detection)[0],
                                    detection: &detection).points.count == 60)
        let check = T.check(late)
        #expect(check.exitCode == .regression)
        #expect(check.text(name: "h", style: .plain).contains("since the baseline update at run 10"))
    }

    @Test func theLocationIntervalCoversTheUpdateOnlyWhereTheDataAllowIt() throws {
        let values = HistoryCheckTests.steady + HistoryCheckTests.slower
        var detection = ChangeDetection(alpha: 0.01)
        let step = try #require(detection.steps(in: values, method: .rank).first)
        #expect(step.index == 30 && step.mayBe(at: 30, in: values) && step.mayBe(at: 29, in: values))
        #expect(!step.mayBe(at: 20, in: values) && !step.mayBe(at: 0, in: values) && !step.mayBe(at: 60, in: values))
        #expect(!ChangeStep(index: 3, before: 1, after: 2).mayBe(at: 3, in: [1, 1, 1, 2]))  // exact: no interval
    }
}
