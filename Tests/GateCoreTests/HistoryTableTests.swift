import BenchResults
import CLISupport
import GateFormats
import Testing
@testable import GateCore

/// `HistoryTable`: the table `memgate history show` prints, a row per run.
@Suite struct HistoryTableTests {
    static func entry(_ commit: String, _ date: String, baseline: String, time: Double?, allocs: Double) -> HistoryEntry {
        var metrics = ["allocs": HistoryEntry.MetricSummary(unit: .allocationsPerOp, median: allocs, min: allocs, max: allocs),
                       "p50": HistoryEntry.MetricSummary(unit: .nanoseconds, median: 9, min: 9, max: 9)]
        if let time { metrics["time"] = HistoryEntry.MetricSummary(unit: .nanosecondsPerOp, median: time, min: time, max: time) }
        return HistoryEntry(commit: commit, date: date, baselineHash: baseline, benchmarks: [.init(name: "enc", metrics: metrics)])
    }

    static let history = History(entries: [
        entry("0123456789abcdef", "2026-12-01T10:00:00Z", baseline: "aa", time: 1500, allocs: 3),
        entry("", "2026-12-02T10:00:00Z", baseline: "aa", time: nil, allocs: 3),
        entry("fedcba9876543210", "2026-12-03T10:00:00Z", baseline: "bb", time: 1250, allocs: 2.5),
    ])

    @Test func theTableHasARowPerRunAndTheHeadlineMetrics() {
        let text = HistoryTable(history: Self.history, benchmarks: ["enc"], metrics: nil).text(name: "h.jsonl", style: .plain)
        #expect(text == """
            h.jsonl: 3 runs, 2026-12-01T10:00:00Z to 2026-12-03T10:00:00Z
            baseline "updated": the run was gated against a different baseline than the row above it.

            enc
            date                  commit      baseline        time          allocs
            ----------------------------------------------------------------------
            2026-12-01T10:00:00Z  0123456789            1.50 µs/op     3 allocs/op
            2026-12-02T10:00:00Z  -                              -     3 allocs/op
            2026-12-03T10:00:00Z  fedcba9876  updated   1.25 µs/op  2.50 allocs/op

            """)
        let chosen = HistoryTable(history: Self.history, benchmarks: ["enc"], metrics: ["p50"]).text(name: "h", style: .plain)
        #expect(chosen.contains("date                  commit      baseline   p50\n"), "\(chosen)")
        #expect(!chosen.contains("allocs"))
    }

    @Test func anEmptyHistoryIsOneLine() {
        #expect(HistoryTable(history: History(), benchmarks: [], metrics: nil).text(name: "h", style: .plain) == "h: 0 runs\n")
    }
}
