import BenchResults
import BenchStatistics
import Foundation
import Testing
import TestSupport

/// Every kind of bad input: exit 2, an error naming the file and the problem, quickly,
/// and no report file written.
@Suite struct BadInputTests {
    static let valid = EndToEndTests.results()

    /// Runs `check GOOD BAD` (and `check BAD GOOD`) and checks the contract.
    func expectRejected(
        _ path: String, _ fragment: String, in dir: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let good = try dir.write("good.json", Self.valid)
        for arguments in [
            ["check", "--output", "report.json", good, path], ["check", "--output", "report.json", path, good],
            ["show", path], ["update", path, "--baseline", "bl.json"],
        ] {
            // "Quickly": well under a second here; the bound only has to tell a hang (or a
            // runaway read) from a busy machine.
            let run = try MemGateProcess.run(arguments, in: dir.url, timeout: 120)
            #expect(run.code == 2, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(path), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.seconds < 30, sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(dir.read("report.json") == nil, sourceLocation: sourceLocation)
            #expect(dir.read("bl.json") == nil, sourceLocation: sourceLocation)
        }
    }

    func json(_ body: String) -> String {
        #"{"format": "memgate-results", "schema": 1, "benchmarks": [\#(body)]}"#
    }

    func benchmark(_ name: String, samples: String = "[1, 2]", metric: String = "time") -> String {
        #"{"name": "\#(name)", "status": "ok", "iterations": [10, 10], "#
            + #""metrics": {"\#(metric)": {"unit": "ns/op", "better": "lower", "samples": \#(samples)}}}"#
    }

    @Test func missingFile() throws {
        let dir = try TemporaryDirectory()
        try expectRejected(dir.file("nope.json"), "no such file", in: dir)
    }

    @Test func emptyFile() throws {
        let dir = try TemporaryDirectory()
        try expectRejected(try dir.write("empty.json", ""), "empty", in: dir)
        try expectRejected(try dir.write("blank.txt", "  \n\n"), "empty", in: dir)
    }

    @Test func truncatedAndMalformedJSON() throws {
        let dir = try TemporaryDirectory()
        let text = String(decoding: try Self.valid.jsonBytes(), as: UTF8.self)
        try expectRejected(try dir.write("truncated.json", String(text.prefix(text.count / 2))), "it looks truncated", in: dir)
        try expectRejected(try dir.write("malformed.json", "{nope"), "not valid JSON", in: dir)
    }

    @Test func wrongFormatAndSchema() throws {
        let dir = try TemporaryDirectory()
        try expectRejected(try dir.write("other.json", #"{"format": "other", "schema": 1}"#), "not a memgate results file", in: dir)
        try expectRejected(
            try dir.write("schema.json", #"{"format": "memgate-results", "schema": 3, "benchmarks": []}"#),
            "schema 3 is not supported", in: dir)
        try expectRejected(
            try dir.write("shape.json", #"{"format": "memgate-results", "schema": 1, "benchmarks": {}}"#), "benchmarks", in: dir)
    }

    @Test func invalidValues() throws {
        let dir = try TemporaryDirectory()
        try expectRejected(try dir.write("nan.json", json(benchmark("a", samples: "[NaN]"))), "not valid JSON", in: dir)
        try expectRejected(try dir.write("inf.json", json(benchmark("a", samples: "[1e999]"))), "a", in: dir)
        try expectRejected(
            try dir.write("negative.json", json(benchmark("a", samples: "[1, -2]", metric: "allocs"))), "-2.0 is negative", in: dir)
        try expectRejected(try dir.write("dup.json", json(benchmark("a") + "," + benchmark("a"))), "duplicate benchmark name", in: dir)
        try expectRejected(try dir.write("go.txt", "BenchmarkA 10 -5 ns/op\n"), "is negative", in: dir)
    }

    @Test func pathologicalNestingAndLines() throws {
        let dir = try TemporaryDirectory()
        try expectRejected(try dir.write("deep.json", #"{"a": "# + String(repeating: "[", count: 100_000)), "nested more than", in: dir)
        try expectRejected(
            try dir.write("deeparray.json", String(repeating: "[", count: 100_000)), "neither a memgate results file", in: dir)
        try expectRejected(try dir.write("line.txt", String(repeating: "a", count: 10_000_000)), "neither a memgate results file", in: dir)
        try expectRejected(
            try dir.write("line.json", #"{"format": ""# + String(repeating: "a", count: 10_000_000)), "not valid JSON", in: dir)
        var garbage = SeededRandom(seed: 7)
        let bytes = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &garbage) }
        let path = dir.file("garbage.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try expectRejected(path, "garbage.bin", in: dir)
    }

    @Test func notRegularFiles() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("adir"), withIntermediateDirectories: true)
        try expectRejected(dir.file("adir"), "not a regular file", in: dir)
        #expect(mkfifo(dir.file("fifo"), 0o644) == 0)
        try expectRejected(dir.file("fifo"), "not a regular file", in: dir)
        try expectRejected("/dev/zero", "not a regular file", in: dir)
        try expectRejected("/dev/urandom", "not a regular file", in: dir)
    }

    @Test func hugeFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("huge.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        #expect(truncate(path, 300 << 20) == 0)  // sparse: no disk used
        try expectRejected(path, "limit for a results file", in: dir)
    }

    @Test func badConfigs() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.valid)
        func rejected(_ arguments: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try MemGateProcess.run(arguments + ["--output", "r.json", base, base], in: dir.url)
            #expect(run.code == 2, sourceLocation: sourceLocation)
            #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(dir.read("r.json") == nil, sourceLocation: sourceLocation)
        }
        try dir.write("unknown.json", #"{"thresholds": {"time": "10%"}, "thershold": 1}"#)
        try rejected(["check", "--config", "unknown.json"], #"unknown.json: at thershold: unknown key "thershold""#)
        try dir.write("bad.json", #"{"benchmarks": [{"match": "x", "thresholds": {"time": "10 percent"}}]}"#)
        try rejected(["check", "--config", "bad.json"], #"bad.json: at benchmarks[0].thresholds.time: threshold "10 percent""#)
        try rejected(["check", "--config", "missing.json"], "missing.json: no such file")
        try dir.write("baselines/memgate.json", "{oops")
        try rejected(["check"], "baselines/memgate.json: at line 1, column 2: not valid JSON")
        // Empty: the advice is about the config, not "re-run the benchmarks".
        try dir.write("baselines/memgate.json", "")
        try rejected(["check"], #"baselines/memgate.json: the file is empty; write a JSON object such as {"noisy": "report"}, "#
            + #"or delete the file to use the defaults"#)
    }
}
