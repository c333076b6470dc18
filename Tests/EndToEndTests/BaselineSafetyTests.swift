import BenchResults
import Foundation
import GateFormats
import Testing
import TestSupport

/// The baseline is never lost: no command writes over one of its inputs, `update` records
/// nothing from a run that measured nothing, and concurrent updates take turns.
@Suite struct BaselineSafetyTests {
    /// Every way of naming the baseline as an output is refused with exit 2, and it stays as it was.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("bl.json", EndToEndTests.results())
        let current = try dir.write("cur.json", EndToEndTests.results(allocs: 4))
        let before = dir.read("bl.json")
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.json"), withDestinationPath: base)
        try FileManager.default.linkItem(atPath: base, toPath: dir.file("hard.json"))
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: true)
        let commands: [[String]] = [
            ["check", "bl.json", "cur.json", "--output", "bl.json"],
            ["check", "bl.json", "cur.json", "--output", "./sub/../bl.json"],
            ["check", "bl.json", "cur.json", "--output", "link.json"],
            ["check", "bl.json", "cur.json", "--output", "json:hard.json"],
            ["check", "bl.json", "cur.json", "--output", "html:" + base],
            ["compare", "bl.json", "cur.json", "--output", "markdown:bl.json"],
            ["report", "bl.json", "cur.json", "--output", "html:bl.json"],
            ["update", "bl.json", "--baseline", "hard.json"],
            ["convert", "bl.json", "--to", "json", "--output", "link.json"],
            ["merge", "bl.json", "--output", "bl.json"],
            ["explain", "cur.json", "bl.json", "--output", "bl.json"],
            ["history", "append", "bl.json", "--file", "bl.json"],
        ]
        for arguments in commands {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect(run.code == 2, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("refusing to write over an input"), "\(arguments): \(run.stderr)")
            #expect(dir.read("bl.json") == before, "\(arguments)")
        }
        // $GITHUB_STEP_SUMMARY is an output too.
        let summary = try MemGateProcess.run(["check", base, current], in: dir.url, environment: ["GITHUB_STEP_SUMMARY": base])
        #expect(summary.code == 2, "\(summary.stderr)")
        #expect(dir.read("bl.json") == before)
        // Another file is fine.
        #expect(try MemGateProcess.run(["check", base, current, "--output", "report.json"], in: dir.url).code == 1)
    }

    /// `update --prune` with a run that measured nothing would empty the baseline, and one
    /// where every benchmark failed records nothing: both exit 2, baseline untouched.
    @Test func updateRefusesARunThatMeasuredNothing() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bl.json", EndToEndTests.results(names: ["x", "y"]))
        let before = dir.read("bl.json")
        let empty = try dir.write("empty.json", Fixture.file([]))
        let failed = try dir.write("failed.json", Fixture.file([
            Fixture.benchmark("x", [:], status: .crashed, message: "signal 11"),
            Fixture.benchmark("y", [:], status: .failed, message: "--- FAIL"),
        ]))
        let buildFailed = try dir.write("go.txt", "FAIL\texample.com/b [build failed]\n")
        for current in [empty, failed, buildFailed] {
            for prune in [true, false] {
                let run = try MemGateProcess.run(["update", current, "--baseline", "bl.json"] + (prune ? ["--prune"] : []), in: dir.url)
                #expect(run.code == 2, "\(current) \(prune): \(run.stdout)\(run.stderr)")
                #expect(run.stderr.contains("nothing to record"), "\(run.stderr)")
                #expect(dir.read("bl.json") == before)
            }
        }
    }

    /// Eight `memgate update`s of one baseline at once, each with a benchmark of its own: all
    /// eight are in the baseline afterwards (without the lock, most are lost).
    @Test func concurrentUpdatesAreAllRecorded() throws {
        let dir = try TemporaryDirectory()
        let count = 8
        for index in 0..<count { try dir.write("cur\(index).json", EndToEndTests.results(names: ["bench/\(index)"])) }
        for round in 0..<3 {
            try? FileManager.default.removeItem(atPath: dir.file("baselines"))
            let codes = try concurrently(count) { ["update", "cur\($0).json"] }
            #expect(codes == Array(repeating: 0, count: count), "round \(round)")
            let names = try ResultsFile.read(contentsOf: dir.file("baselines/baseline.json")).benchmarks.map(\.name)
            #expect(Set(names) == Set((0..<count).map { "bench/\($0)" }), "round \(round): \(names)")
        }

        /// Starts `count` memgate processes at once in `dir` and returns their exit codes.
        func concurrently(_ count: Int, _ arguments: (Int) -> [String]) throws -> [Int32] {
            let processes = (0..<count).map { index in
                let process = Process()
                process.executableURL = MemGateProcess.executable
                process.arguments = arguments(index)
                process.currentDirectoryURL = dir.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            return processes.map(\.terminationStatus)
        }

        // History appends the same way: eight runs, eight lines.
        for round in 0..<3 {
            try? FileManager.default.removeItem(atPath: dir.file("history"))
            let codes = try concurrently(count) {
                ["history", "append", "cur\($0).json", "--file", "history/runs.jsonl", "--commit", "c\($0)", "--baseline", "cur0.json"]
            }
            #expect(codes == Array(repeating: 0, count: count), "round \(round)")
            let history = try History.read(contentsOf: dir.file("history/runs.jsonl"))
            #expect(Set(history.entries.map(\.commit)) == Set((0..<count).map { "c\($0)" }), "round \(round)")
        }
    }
}
