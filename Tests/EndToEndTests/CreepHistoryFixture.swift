import BenchResults
import BenchStatistics
import Foundation
import GateFormats

/// The history files of issue 26's scenario: 60 runs of `bench/0` and `bench/1`, time with a
/// seeded run-to-run noise of 2% (lognormal) and allocations exact at 3 per op; with `creep`,
/// runs 31 to 50 of `bench/0` are each 1% slower than the run before (+22% in all), runs 51
/// to 60 stay there. One baseline throughout unless `update` names the run (1-based) from
/// which a new one was gated against.
enum CreepHistoryFixture {
    static let runs = 60

    /// The commit of run `run`: 40 hex digits, distinct in their first 7.
    static func commit(_ run: Int) -> String {
        let digits = FNV1a.hexDigits(of: Array("commit \(run)".utf8))
        return String((digits + digits + digits).prefix(40))
    }

    static func history(creep: Bool, update: Int? = nil, seed: UInt64 = 26) -> History {
        var random = SeededRandom(seed: seed)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        return History(entries: (1...runs).map { run in
            let level = creep ? pow(1.01, Double(min(max(run - 30, 0), 20))) : 1
            let benchmarks = (0..<2).map { index in
                let time = (index == 0 ? level : 1) * 1000 * exp(0.02 * random.nextGaussian())
                return HistoryEntry.Benchmark(name: "bench/\(index)", metrics: [
                    "time": .init(unit: .nanosecondsPerOp, median: time, min: time * 0.97, max: time * 1.03),
                    "allocs": .init(unit: .allocationsPerOp, median: 3, min: 3, max: 3),
                ])
            }
            let baseline = update.map { run >= $0 ? "bbbb" : "aaaa" } ?? "aaaa"
            return HistoryEntry(commit: commit(run), date: HistoryEntry.isoDate(start.addingTimeInterval(Double(run) * 86_400)),
                                baselineHash: baseline, benchmarks: benchmarks)
        })
    }

    /// `history` written to `name` in `directory`.
    static func write(_ history: History, to path: String) throws {
        try Data(try history.jsonLines()).write(to: URL(fileURLWithPath: path))
    }
}
