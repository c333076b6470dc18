import BenchResults
import BenchStatistics
import Foundation
import GateFormats
import Testing
@testable import GateCore

/// Monte Carlo error rates of `memgate history check` (docs/thresholds.md, "Change points
/// over history"), with fixed seeds, on the noise of recorded runs: each series is 60 runs
/// of one benchmark's time whose per-run medians are a level times a run-to-run factor drawn
/// (with replacement, independently) from the factors recorded in one group of files in
/// `Tests/Fixtures/recorded` (each file's median over its group's median, per benchmark).
/// Unchanged (A/A): the level stays 1. Creep: runs 31 to 50 are each 1% slower than the run
/// before (+22% in all), runs 51 to 60 stay there. Time threshold 10% (the default), alpha
/// 0.01, no baseline update in the 60 runs. `MEMGATE_PRINT_SIMULATION=1` prints the table.
@Suite struct ChangePointSimulationTests {
    static let series = 1000, runs = 60

    /// A group of recorded results files and the factors it gives.
    struct Noise: Sendable {
        var label: String
        var folder: String
        var prefix: String
        /// log(run median / median of the group's run medians), every benchmark's, pooled.
        var logFactors: [Double] = []
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/recorded")

    /// The AMD EPYC groups (no other machine class was recorded): one build run 12 times in a
    /// row on an idle machine; a fresh clone and build per run (as each run of a history is a
    /// new build), 20 on an idle machine and 20 beside other work (a shared runner).
    static let groups: [Noise] = [
        Noise(label: "AMD EPYC, one build, 12 runs in a row", folder: "amd-epyc-2026-12-01", prefix: "examples-run"),
        Noise(label: "AMD EPYC, fresh clone per run, idle (20 runs)", folder: "amd-epyc-2026-12-02-fresh-clones", prefix: "run"),
        Noise(label: "AMD EPYC, fresh clone per run, shared (20 runs)", folder: "amd-epyc-2026-12-01-fresh-clones", prefix: "run"),
    ].map { group in
        var group = group
        group.logFactors = try! logFactors(folder: group.folder, prefix: group.prefix)
        return group
    }

    static func logFactors(folder: String, prefix: String) throws -> [Double] {
        let directory = root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(prefix) }.sorted()
        var medians: [String: [Double]] = [:]
        for name in names {
            let file = try ResultsFile.read(contentsOf: directory.appendingPathComponent(name).path)
            for benchmark in file.benchmarks { if let time = benchmark.metrics["time"] { medians[benchmark.name, default: []].append(time.median) } }
        }
        return medians.keys.sorted().flatMap { name in
            let values = medians[name]!, centre = Descriptive.median(values)!
            return values.map { log($0 / centre) }
        }
    }

    /// The robust run-to-run coefficient of variation: 1.4826 x the median absolute deviation
    /// of the log factors (the standard deviation of a normal with the same MAD).
    static func robustCV(_ logs: [Double]) -> Double {
        let centre = Descriptive.median(logs)!
        return 1.4826 * Descriptive.median(logs.map { abs($0 - centre) })!
    }

    /// A 60-run history of one benchmark with `level(run)` (run from 1) times recorded noise.
    static func history(_ noise: Noise, level: (Int) -> Double, random: inout SeededRandom) -> History {
        History(entries: (1...runs).map { run in
            // A jitter of 1e-9 breaks the ties that drawing with replacement makes (recorded medians are distinct).
            let factor = exp(noise.logFactors[Int(random.next() % UInt64(noise.logFactors.count))] + 1e-9 * random.nextGaussian())
            let median = level(run) * 1000 * factor
            let summary = HistoryEntry.MetricSummary(unit: .nanosecondsPerOp, median: median, min: median * 0.98, max: median * 1.02)
            return HistoryEntry(commit: String(format: "%040x", run), date: "2026-01-01T00:00:00Z", baselineHash: "",
                                benchmarks: [HistoryEntry.Benchmark(name: "b", metrics: ["time": summary])])
        })
    }

    static func creep(_ run: Int) -> Double { pow(1.01, Double(min(max(run - 30, 0), 20))) }

    /// How many of `series` checks exited 1, and the runs named for the first one that did.
    static func failures(_ noise: Noise, level: (Int) -> Double, seed: UInt64) -> (count: Int, span: String) {
        var random = SeededRandom(seed: seed)
        var detection = ChangeDetection(alpha: 0.01)
        let options = ComparisonOptions(config: GateConfig(), origin: .interleaved)
        var count = 0, span = ""
        for _ in 0..<series {
            let history = Self.history(noise, level: level, random: &random)
            let check = HistoryCheck(history: history, benchmarks: ["b"], metrics: nil, options: options, detection: &detection)
            guard check.exitCode == .regression else { continue }
            count += 1
            if span.isEmpty, let finding = check.findings.first { span = finding.series.runSpan(finding.span) }
        }
        return (count, span)
    }

    /// Per group: the robust CV, false alarms of 1000 unchanged series, detections of 1000 creeps.
    static let table: [(cv: Double, falseAlarms: Int, detected: Int)] = {
        let rows = groups.enumerated().map { index, group -> (cv: Double, falseAlarms: Int, detected: Int) in
            (robustCV(group.logFactors), failures(group, level: { _ in 1 }, seed: 100 + UInt64(index)).count,
             failures(group, level: creep, seed: 200 + UInt64(index)).count)
        }
        if ProcessInfo.processInfo.environment["MEMGATE_PRINT_SIMULATION"] != nil {
            for (group, row) in zip(groups, rows) {
                let cv = String(format: "%.1f", row.cv * 100)
                print("| \(group.label) | \(group.logFactors.count) | \(cv)% | \(row.falseAlarms) of \(series) | \(row.detected) of \(series) |")
            }
        }
        return rows
    }()

    @Test func recordedNoiseHasTheStatedSpread() {
        #expect(Self.groups.map(\.logFactors.count) == [156, 260, 260])
        let cv = Self.table.map(\.cv)
        #expect(cv[0] < 0.02, "one build: \(cv[0])")
        #expect(cv[1] > 0.05 && cv[1] < 0.12, "fresh clones, idle: \(cv[1])")
        #expect(cv[2] > 0.05 && cv[2] < 0.12, "fresh clones, shared: \(cv[2])")
    }

    @Test func unchangedSeriesRarelyFail() {
        for (group, row) in zip(Self.groups, Self.table) {
            #expect(row.falseAlarms <= 10, "\(group.label): \(row.falseAlarms) of \(Self.series)")
        }
    }

    @Test func creepIsCaught() {
        let bounds = [1000, 900, 700]
        for ((group, row), bound) in zip(zip(Self.groups, Self.table), bounds) {
            #expect(row.detected >= bound, "\(group.label): \(row.detected) of \(Self.series)")
        }
    }
}
