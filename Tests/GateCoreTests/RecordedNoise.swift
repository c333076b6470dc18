import BenchResults
import BenchStatistics
import DescriptiveStatistics
import Foundation

/// The run-to-run noise of the per-run median time in recorded results files
/// (`Tests/Fixtures/recorded`, AMD EPYC: no other machine class was recorded), for the
/// change-point simulations: per benchmark, each run's median over the median of the group's
/// runs, as a log factor.
struct RecordedNoise: Sendable {
    var label: String
    /// The benchmarks, sorted by name.
    var benchmarks: [String]
    /// Per run (file, sorted by name), per benchmark, log(run median / group median).
    var runs: [[Double]]
    /// Every benchmark's factors of every run, pooled.
    var pooled: [Double]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/recorded")

    /// One build run 12 times in a row on an idle machine; a fresh clone and build per run
    /// (as each run of a history is a new build), 20 on an idle machine and 20 beside other
    /// work (a shared runner).
    static let groups: [RecordedNoise] = [
        try! RecordedNoise("AMD EPYC, one build, 12 runs in a row", folder: "amd-epyc-2026-12-01", prefix: "examples-run"),
        try! RecordedNoise("AMD EPYC, fresh clone per run, idle", folder: "amd-epyc-2026-12-02-fresh-clones", prefix: "run"),
        try! RecordedNoise("AMD EPYC, fresh clone per run, shared", folder: "amd-epyc-2026-12-01-fresh-clones", prefix: "run"),
    ]

    init(_ label: String, folder: String, prefix: String) throws {
        let directory = Self.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(prefix) }.sorted()
        var medians: [String: [Double]] = [:]
        for name in names {
            let file = try ResultsFile.read(contentsOf: directory.appendingPathComponent(name).path)
            for benchmark in file.benchmarks {
                if let time = benchmark.metrics["time"] { medians[benchmark.name, default: []].append(time.median) }
            }
        }
        self.label = label
        benchmarks = medians.keys.sorted()
        let logs = benchmarks.map { name in
            let values = medians[name]!, centre = Descriptive.median(values)!
            return values.map { log($0 / centre) }
        }
        runs = names.indices.map { run in logs.map { $0[run] } }
        pooled = runs.flatMap { $0 }
    }


    /// The robust run-to-run coefficient of variation: 1.4826 x the median absolute deviation
    /// of the pooled log factors (the standard deviation of a normal with the same MAD).
    var robustCV: Double {
        let logs = pooled, centre = Descriptive.median(logs)!
        return 1.4826 * Descriptive.median(logs.map { abs($0 - centre) })!
    }

    /// One factor drawn from the pooled ones, with a jitter of 1e-9 that breaks the ties
    /// drawing with replacement makes (recorded medians are distinct).
    func pooledDraw(_ random: inout SeededRandom) -> Double {
        pooled[Int(random.next() % UInt64(pooled.count))] + 1e-9 * random.nextGaussian()
    }

    /// One recorded run's factors (every benchmark's), drawn, jittered the same way.
    func runDraw(_ random: inout SeededRandom) -> [Double] {
        runs[Int(random.next() % UInt64(runs.count))].map { $0 + 1e-9 * random.nextGaussian() }
    }
}
