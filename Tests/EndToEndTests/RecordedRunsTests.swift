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
    /// The recordings before 2026-12-02 predate the reference-counting pass, so they lack the baseline's
    /// `retains` and `objects` (gated): a deliberate partial check of the metrics they have.
    static let partial = "--allow-missing"

    /// Every unchanged run recorded on the AMD EPYC class: on 2026-12-01, 12 direct runs of
    /// ExampleBenchmarks and 6 through `memgate run` (task-group allocations 35.1-39.5
    /// allocs/op against the baseline's 34-34.7), then 20 fresh-clone `memgate run`s, one
    /// of them on a CPU-contended machine (42.4-42.8); on 2026-12-02, 20 more fresh-clone
    /// runs at the final rule on an otherwise idle machine (medians up to 42.3, +24.0%); on
    /// 2026-12-06 one fresh-clone run with the site passes (median 41.7, +22.5%).
    static let folders = [
        "amd-epyc-2026-12-01", "amd-epyc-2026-12-01-fresh-clones", "amd-epyc-2026-12-02-fresh-clones", "amd-epyc-2026-12-06",
    ]
    static let unchangedRuns: [String] = folders.flatMap { name in
        let folder = recorded.appendingPathComponent(name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func allRecordingsAreThere() {
        #expect(Self.unchangedRuns.count == 59)
    }

    @Test(arguments: unchangedRuns)
    func unchangedRunPasses(_ path: String) throws {
        let outcome = try MemGateProcess.run(["check", Self.baseline, path, "--config", Self.config, Self.partial])
        #expect(outcome.code == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("\nPASS: "))
    }

    /// The same workload spawning 10 child tasks instead of 8 (name unchanged), recorded by
    /// `memgate run` in fresh clones on the AMD EPYC class: on 2026-12-01 42.7-48.3 allocs/op
    /// (median +36.8%, B/op +26.2%), on 2026-12-06 42.6-50.1 (+33.2%, B/op +25.6%). Both
    /// fail by count (30% floor) and by bytes (10% floor, against unchanged shifts of at
    /// most +4.5%): the bytes alone fail it even when the count lands under its floor.
    static let tenChildren = ["children10-amd-epyc-2026-12-01.json", "children10-amd-epyc-2026-12-06.json"]

    @Test(arguments: tenChildren)
    func twoMoreChildTasksFail(_ name: String) throws {
        let (code, regressed) = try Self.regressedRows(name)
        #expect(code == 1)
        #expect(regressed == ["async/task-group/children=8 allocs", "async/task-group/children=8 bytes"])
    }

    /// The bytes floor decides the ten-children runs by itself: with the count's threshold
    /// off, both still fail, by B/op alone.
    @Test(arguments: tenChildren)
    func twoMoreChildTasksFailByBytesAlone(_ name: String) throws {
        let (code, regressed) = try Self.regressedRows(name, "--threshold", "allocs=off")
        #expect(code == 1)
        #expect(regressed == ["async/task-group/children=8 bytes"])
    }

    /// `memgate check` of the recorded file `name` against the committed baseline: its exit
    /// code and the regressed rows ("benchmark metric") of its JSON report.
    static func regressedRows(_ name: String, _ extra: String...) throws -> (Int32, [String]) {
        let path = recorded.appendingPathComponent(name).path
        let outcome = try MemGateProcess.run(["check", baseline, path, "--config", config, partial, "--format", "json"] + extra)
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as! [String: Any]
        let benchmarks = report["benchmarks"] as! [[String: Any]]
        let regressed = benchmarks.flatMap { benchmark in
            (benchmark["metrics"] as! [[String: Any]]).filter { $0["verdict"] as? String == "regression" }
                .map { "\(benchmark["name"]!) \($0["metric"]!)" }
        }
        return (outcome.code, regressed)
    }
}
