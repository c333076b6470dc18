import Adoption
import BenchResults
import Foundation
import GateCore
import Testing
import TestSupport

/// Fail closed, end to end through the built `memgate`: what the current file lacks fails,
/// an empty current is an input error, a current file cannot redefine a metric, and a merge
/// of an incomplete shard matrix is refused (issue 21).
@Suite struct FailClosedEndToEndTests {
    /// Two benchmarks, each with time, allocs and bytes.
    private func results(_ names: [String] = ["json/encode", "sort/n=1000"]) -> ResultsFile {
        EndToEndTests.results(names: names)
    }

    /// Writes `file` without validating it (`ResultsFile.write` would refuse what these
    /// tests give memgate).
    private func writeRaw(_ dir: TemporaryDirectory, _ name: String, _ file: ResultsFile) throws -> String {
        try dir.write(name, String(decoding: try file.jsonBytes(), as: UTF8.self))
    }

    @Test func emptyCurrentIsAnInputErrorInEveryCommand() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", results())
        let empty = try writeRaw(dir, "empty.json", Fixture.file([]))
        for arguments in [["check", base, empty], ["compare", base, empty], ["merge", base, empty]] {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect(run.code == 2, "\(arguments): \(run.stdout)")
            #expect(run.stderr.contains("\(empty): no benchmarks"), "\(arguments): \(run.stderr)")
        }
        let update = try MemGateProcess.run(["update", "--baseline", base, empty], in: dir.url)
        #expect(update.code == 2 && update.stderr.contains("nothing to record: no benchmark ran"), "\(update.stderr)")
        #expect(try ResultsFile.read(contentsOf: base).benchmarks.count == 2, "update must not have touched the baseline")
    }

    @Test func everyGatedMetricMissingFailsNamingThem() throws {
        let dir = try TemporaryDirectory()
        var before = results()
        for index in before.benchmarks.indices {
            for (name, unit) in [("retains", MetricUnit.retainsPerOp), ("objects", .objectsPerOp)] {
                before.benchmarks[index].metrics[name] = Metric(unit: unit, exact: true, samples: [2, 2])
            }
        }
        let base = try dir.write("base.json", before)
        // Only bytes (and frees, threshold off) recorded: allocs, retains and objects (gated)
        // and time (reported by default) are gone.
        let kept = ["bytes": Fixture.bytes([256, 256]), "frees": Metric(unit: .freesPerOp, exact: true, samples: [1, 1])]
        let current = try dir.write("bare.json", Fixture.file(["json/encode", "sort/n=1000"].map { Fixture.benchmark($0, kept) }))
        let run = try MemGateProcess.run(["check", base, current], in: dir.url)
        #expect(run.code == 1, "\(run.stdout)")
        for name in ["json/encode", "sort/n=1000"] {
            for metric in ["allocs", "retains", "objects"] {
                #expect(run.stdout.split(separator: "\n").contains {
                    $0.hasPrefix(name) && $0.contains(" \(metric) ") && $0.contains("missing")
                }, "\(name) \(metric): \(run.stdout)")
            }
        }
        #expect(run.stdout.contains("6 gated metrics of the baseline are missing from current: that fails the check"), "\(run.stdout)")
        #expect(run.stdout.contains("FAIL: 6 missing metrics"), "\(run.stdout)")
        let json = try MemGateProcess.run(["check", "--format", "json", base, current], in: dir.url)
        #expect(json.code == 1 && json.stdout.contains(#""missingMetrics": 6"#), "\(json.stdout)")
        let junit = try MemGateProcess.run(["check", "--format", "junit", base, current], in: dir.url)
        #expect(junit.stdout.contains(#"<testcase classname="json/encode" name="allocs">"#) && junit.stdout.contains(#"type="missing""#))
        let github = try MemGateProcess.run(["check", "--format", "github", base, current], in: dir.url)
        #expect(github.stdout.contains("::error title=memgate%3A sort/n=1000 objects::missing"), "\(github.stdout)")
        #expect(try MemGateProcess.run(["check", "--allow-missing", base, current], in: dir.url).code == 0)
        // Without allocs and bytes both, the memory was not measured at all: a failed benchmark.
        let unmeasured = try writeRaw(dir, "unmeasured.json", Fixture.file([Fixture.benchmark("json/encode", ["frees": kept["frees"]!])]))
        let failed = try MemGateProcess.run(["check", "--allow-missing", base, unmeasured], in: dir.url)
        #expect(failed.code == 1 && failed.stdout.contains("FAILED   json/encode"), "\(failed.stdout)")
    }

    @Test func missingBenchmarkFailsUnlessAllowed() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", results())
        let current = try dir.write("one.json", results(["json/encode"]))
        let run = try MemGateProcess.run(["check", base, current], in: dir.url)
        #expect(run.code == 1, "\(run.stdout)")
        #expect(run.stdout.contains("MISSING  sort/n=1000: in the baseline but not in current: fails the check"), "\(run.stdout)")
        #expect(run.stdout.contains("memgate update --prune") && run.stdout.contains("--allow-missing"), "\(run.stdout)")
        #expect(run.stdout.contains("FAIL: 1 missing benchmark"), "\(run.stdout)")
        let formats = [("markdown", "- sort/n=1000"), ("junit", #"<testcase classname="sort/n=1000" name="status">"#),
                       ("github", "::error title=memgate%3A sort/n=1000 missing::"),
                       ("json", #""name": "sort/n=1000", "presence": "removed""#)]
        for (format, naming) in formats {
            let rendered = try MemGateProcess.run(["check", "--format", format, base, current], in: dir.url)
            #expect(rendered.code == 1 && rendered.stdout.contains(naming), "\(format): \(rendered.stdout)")
            #expect(rendered.stdout.contains("memgate update --prune"), "\(format): \(rendered.stdout)")
        }
        let allowed = try MemGateProcess.run(["check", "--allow-missing", base, current], in: dir.url)
        #expect(allowed.code == 0, "\(allowed.stdout)")
        #expect(allowed.stdout.contains("REMOVED  sort/n=1000 (allowed)"), "\(allowed.stdout)")
        try dir.write("baselines/memgate.json", #"{"allowMissing": true}"#)
        #expect(try MemGateProcess.run(["check", base, current], in: dir.url).code == 0)
        // Recording the removal on purpose: the next check passes without the flag.
        try dir.write("baselines/memgate.json", "{}")
        #expect(try MemGateProcess.run(["update", "--prune", "--baseline", base, current], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["check", base, current], in: dir.url).code == 0)
    }

    @Test func mergeRefusesAMissingOrRepeatedShard() throws {
        let dir = try TemporaryDirectory()
        func shard(_ index: Int, of count: Int, _ names: [String]) throws -> String {
            var file = results(names)
            file.shard = ResultsFile.ShardPosition(index: index, count: count)
            return try dir.write("shard\(index)-\(names[0]).json", file)
        }
        let one = try shard(1, of: 3, ["a"]), three = try shard(3, of: 3, ["c"])
        let missing = try MemGateProcess.run(["merge", one, three, "--output", "merged.json"], in: dir.url)
        #expect(missing.code == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("missing shard 2/3 of 3"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("merged.json")))
        let twice = try MemGateProcess.run(["merge", one, try shard(1, of: 3, ["b"]), three], in: dir.url)
        #expect(twice.code == 2 && twice.stderr.contains("shard 1/3 is given twice"), "\(twice.stderr)")
        let two = try shard(2, of: 3, ["b"])
        #expect(try MemGateProcess.run(["merge", "--shards", "4", one, two, three], in: dir.url).code == 2)
        let whole = try MemGateProcess.run(["merge", "--shards", "3", one, two, three, "--output", "merged.json"], in: dir.url)
        #expect(whole.code == 0, "\(whole.stderr)")
        #expect(try ResultsFile.read(contentsOf: dir.file("merged.json")).shard == nil)
        // Files that record no shard can only be counted.
        let untagged = try dir.write("plain.json", results(["p"]))
        let counted = try MemGateProcess.run(["merge", "--shards", "2", untagged], in: dir.url)
        #expect(counted.code == 2 && counted.stderr.contains("--shards 2, but 1 file given"), "\(counted.stderr)")
    }

    @Test func builtInMetricRedefinedByCurrentIsAnInputError() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", results())
        let redefinitions: [(String, (inout Metric) -> Void, String)] = [
            ("higher", { $0.better = .higher }, "allocs/op, higher is better, exact"),
            ("noisy", { $0.exact = false }, "allocs/op, lower is better, noisy"),
            ("unit", { $0.unit = MetricUnit("widgets") }, "widgets, lower is better, exact"),
        ]
        for (label, change, declared) in redefinitions {
            var file = results()
            file.benchmarks[1].metrics["allocs"]!.samples = [100, 100]
            change(&file.benchmarks[1].metrics["allocs"]!)
            let current = try writeRaw(dir, "\(label).json", file)
            let run = try MemGateProcess.run(["check", base, current], in: dir.url)
            #expect(run.code == 2, "\(label): \(run.stdout)")
            #expect(run.stderr.contains(#"\#(current): at benchmarks[1] "sort/n=1000".metrics.allocs: allocs is a built-in metric"#)
                    && run.stderr.contains("declares it \(declared)"), "\(label): \(run.stderr)")
        }
    }

    @Test func customMetricRedeclaredIsAnInputErrorNamingBothFiles() throws {
        let dir = try TemporaryDirectory()
        var before = results(), after = results()
        before.benchmarks[0].metrics["capacity"] = Metric(unit: MetricUnit("entries"), better: .lower, exact: true, samples: [8, 8])
        after.benchmarks[0].metrics["capacity"] = Metric(unit: MetricUnit("entries"), better: .higher, exact: true, samples: [16, 16])
        let base = try dir.write("base.json", before), current = try dir.write("new.json", after)
        let run = try MemGateProcess.run(["check", base, current], in: dir.url)
        #expect(run.code == 2, "\(run.stdout)")
        #expect(run.stderr.contains(#"metric "capacity" of benchmark "json/encode" is declared differently in \#(base) "#
                                    + "(entries, lower is better, exact) and \(current) (entries, higher is better, exact)"),
                "\(run.stderr)")
        #expect(try MemGateProcess.run(["check", base, base], in: dir.url).code == 0)
    }

    @Test func noConfigFileReportsTimeExactlyAsInitsConfig() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", results())
        let slow = try dir.write("slow.json", EndToEndTests.results(timeFactor: 2))
        let bare = try MemGateProcess.run(["check", base, slow], in: dir.url)
        #expect(bare.code == 0, "\(bare.stdout)")
        #expect(bare.stdout.contains("time reported, not gated, against a stored baseline (the built-in default, as memgate init "
                                     + "writes it): memgate refs gates them"), "\(bare.stdout)")
        let layout = try AdoptionLayout(package: PackageDump(name: "Foo"), source: .path("../memgate"), library: .none)
        try dir.write("init.json", AdoptionTemplates.configuration(layout, noisy: GateDefaults.noisyJSON))
        // The same verdict, line for line, but for the note on where the policy came from.
        let verdicts = try [["--config", "init.json"], []].map { config in
            let run = try MemGateProcess.run(["check", "--all", "--format", "json"] + config + [base, slow], in: dir.url)
            #expect(run.code == 0 && run.stdout.contains(#""verdict": "reported""#), "\(run.stdout)")
            return run.stdout.split(separator: "\n").filter { !$0.contains("\"noisyNotGatedReason\"") && !$0.contains("\"warnings\"") }
        }
        #expect(verdicts[0] == verdicts[1], "\(verdicts)")
        #expect(try MemGateProcess.run(["check", "--noisy", "gate", base, slow], in: dir.url).code == 1)
    }
}
