import Foundation
import Testing

/// The self-gate's verdicts on results recorded on other machines (Tests/Fixtures/recorded,
/// copied from the project's shared recordings): the committed baseline must pass every
/// unchanged run, whatever process or machine of its class produced it, and must still fail
/// a real change. Runs the built `memgate check` with the repository's own config.
@Suite struct RecordedRunsTests {
    static let root = TinyBenchFixture.repositoryRoot
    static let recorded = root.appendingPathComponent("Tests/Fixtures/recorded")
    static let baseline = root.appendingPathComponent("baselines/baseline.json").path
    static let config = root.appendingPathComponent("baselines/memgate.json").path

    /// Every unchanged run recorded on the AMD EPYC class: on 2026-12-01, 12 direct runs of
    /// ExampleBenchmarks and 6 through `memgate run` (task-group allocations 35.1-39.5
    /// allocs/op against the baseline's 34-34.7), then 20 fresh-clone `memgate run`s, one
    /// of them on a CPU-contended machine (42.4-42.8); on 2026-12-02, 20 more fresh-clone
    /// runs at the final rule on an otherwise idle machine (medians up to 42.3, +24.0%).
    static let folders = ["amd-epyc-2026-12-01", "amd-epyc-2026-12-01-fresh-clones", "amd-epyc-2026-12-02-fresh-clones"]
    static let unchangedRuns: [String] = folders.flatMap { name in
        let folder = recorded.appendingPathComponent(name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func allRecordingsAreThere() {
        #expect(Self.unchangedRuns.count == 58)
    }

    @Test(arguments: unchangedRuns)
    func unchangedRunPasses(_ path: String) throws {
        let outcome = try MemGateProcess.run(["check", Self.baseline, path, "--config", Self.config])
        #expect(outcome.code == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("\nPASS: "))
    }

    /// The same workload spawning 10 child tasks instead of 8 (name unchanged), recorded by
    /// `memgate run` in a fresh clone on the AMD EPYC class: 42.7-48.3 allocs/op (median
    /// +36.8%). Its bytes moved by +26.2%, within the 30% floor, so allocs alone fail.
    @Test func twoMoreChildTasksFail() throws {
        let path = Self.recorded.appendingPathComponent("children10-amd-epyc-2026-12-01.json").path
        let outcome = try MemGateProcess.run(["check", Self.baseline, path, "--config", Self.config, "--format", "json"])
        #expect(outcome.code == 1, "\(outcome.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as! [String: Any]
        let benchmarks = report["benchmarks"] as! [[String: Any]]
        let regressed = benchmarks.flatMap { benchmark in
            (benchmark["metrics"] as! [[String: Any]]).filter { $0["verdict"] as? String == "regression" }
                .map { "\(benchmark["name"]!) \($0["metric"]!)" }
        }
        #expect(regressed == ["async/task-group/children=8 allocs"])
    }
}
