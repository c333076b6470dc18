import BenchResults
import BenchStatistics
import Foundation
import Testing
import TestSupport

/// `memgate update` through the built executable: create, merge and prune, failed benchmarks,
/// a baseline that cannot be read, and kills that must never truncate the baseline.
@Suite struct UpdateCommandTests {
    @Test func createsMergesAndPrunes() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("first.json", EndToEndTests.results(names: ["x", "y"]))
        let run = try MemGateProcess.run(["update", first], in: dir.url)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("baselines/baseline.json: 2 added, 0 updated, 0 kept, 0 pruned"))
        #expect(try ResultsFile.read(contentsOf: dir.file("baselines/baseline.json")).benchmarks.map(\.name) == ["x", "y"])

        let second = try dir.write("second.json", EndToEndTests.results(allocs: 5, names: ["y", "z"]))
        let merge = try MemGateProcess.run(["update", second], in: dir.url)
        #expect(merge.stdout.hasPrefix("baselines/baseline.json: 1 added, 1 updated, 1 kept, 0 pruned"))
        let merged = try ResultsFile.read(contentsOf: dir.file("baselines/baseline.json"))
        #expect(merged.benchmarks.map(\.name) == ["x", "y", "z"])
        #expect(merged["y"]?[.allocs]?.median == 5)

        let prune = try MemGateProcess.run(["update", "--prune", "--baseline", "baselines/baseline.json", second], in: dir.url)
        #expect(prune.code == 0)
        #expect(prune.stdout.contains("1 pruned"))
        #expect(try ResultsFile.read(contentsOf: dir.file("baselines/baseline.json")).benchmarks.map(\.name) == ["y", "z"])
    }

    @Test func failedBenchmarksAreNotRecorded() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bl.json", EndToEndTests.results(names: ["x"]))
        let current = try dir.write("cur.json", EndToEndTests.results(allocs: 9, names: ["y"], failing: "x"))
        let run = try MemGateProcess.run(["update", current, "--baseline", "bl.json"], in: dir.url)
        #expect(run.code == 1)
        #expect(run.stdout.contains("NOT RECORDED x: crashed: signal 11"))
        let file = try ResultsFile.read(contentsOf: dir.file("bl.json"))
        #expect(file.benchmarks.map(\.name) == ["x", "y"])
        #expect(file["x"]?[.allocs]?.median == 3)
    }

    @Test func invalidBaselineIsNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bl.json", "{broken")
        let current = try dir.write("cur.json", EndToEndTests.results())
        let run = try MemGateProcess.run(["update", current, "--baseline", "bl.json"], in: dir.url)
        #expect(run.code == 2)
        #expect(run.stderr.contains("bl.json"))
        #expect(dir.read("bl.json") == "{broken")
    }

    /// SIGKILLs `memgate update` at random moments while it reads, encodes and writes a
    /// baseline of 1,000 benchmarks (about a megabyte) (kill times spread over the second half of a full update,
    /// where the write happens): afterwards the baseline always parses completely, old or new.
    /// The kill times shrink after each update that finished first (the timed run may have
    /// been slowed by other work), down to a quarter of the timed run at the earliest, so a
    /// kill lands mid-run however the machine's load changes and the kills stay in the
    /// update's later part, where the write is.
    @Test func killedUpdateNeverTruncatesTheBaseline() throws {
        let dir = try TemporaryDirectory()
        let names = (0..<1000).map { "bench/\($0)" }
        let old = EndToEndTests.results(names: names)
        try dir.write("bl.json", old)
        let current = try dir.write("cur.json", EndToEndTests.results(allocs: 4, names: names))
        let full = try MemGateProcess.run(["update", current, "--baseline", "bl.json"], in: dir.url)
        #expect(full.code == 0)
        let duration = full.seconds
        var random = SeededRandom(seed: 11)
        var killed = 0, attempts = 0, scale = 1.0
        while attempts < 16 || (killed == 0 && attempts < 64) {
            attempts += 1
            try dir.write("bl.json", old)
            let process = Process()
            process.executableURL = MemGateProcess.executable
            process.arguments = ["update", current, "--baseline", "bl.json"]
            process.currentDirectoryURL = dir.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * scale * Double.random(in: 0.5...1.05, using: &random) * 1e6))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 } else { scale = max(scale * 0.8, 0.5) }
            let file = try ResultsFile.read(contentsOf: dir.file("bl.json"))  // throws if truncated
            #expect(file.benchmarks.count == 1000)
            let allocs = file["bench/0"]?[.allocs]?.median
            #expect(allocs == 3 || allocs == 4)
        }
        #expect(killed > 0, "no update was killed mid-run")
    }
}
