import BenchResults
import Foundation
import GateFormats
import Testing
import TestSupport

/// `memgate history append` and `show` through the built executable: appending twice, the
/// baseline-update mark, the commit's sources, bad input and usage errors, a 200-run history.
@Suite struct HistoryEndToEndTests {
    @Test func appendTwiceThenShow() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("baselines"), withIntermediateDirectories: true)
        try dir.write("baselines/baseline.json", EndToEndTests.results())
        let results = try dir.write("results.json", EndToEndTests.results(allocs: 4))
        let first = try MemGateProcess.run(
            ["history", "append", results, "--file", "ci/history.jsonl", "--date", "2026-12-01T12:00:00+01:00"], in: dir.url,
            environment: ["GITHUB_SHA": "1111111111222222222233333333334444444444"])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout == "ci/history.jsonl: recorded 1111111111 (2 benchmarks); 1 run kept\n")
        let firstBaseline = FNV1a.hexDigits(of: try InputFile.read(dir.file("baselines/baseline.json")))
        try dir.write("baselines/baseline.json", EndToEndTests.results(allocs: 4))  // the baseline is updated
        let second = try MemGateProcess.run(
            ["history", "append", results, "--file", "ci/history.jsonl", "--commit", "v2", "--date", "2026-12-02T12:00:00Z"],
            in: dir.url)
        #expect(second.code == 0, "\(second.stderr)")
        let history = try History.read(contentsOf: dir.file("ci/history.jsonl"))
        #expect(history.entries.map(\.commit) == ["1111111111222222222233333333334444444444", "v2"])
        #expect(history.entries.map(\.date) == ["2026-12-01T11:00:00Z", "2026-12-02T12:00:00Z"])
        #expect(history.entries.map(\.baselineHash)
            == [firstBaseline, FNV1a.hexDigits(of: try InputFile.read(dir.file("baselines/baseline.json")))])
        #expect(firstBaseline != history.entries[1].baselineHash)

        let shown = try MemGateProcess.run(["history", "show", "ci/history.jsonl", "--filter", "json"], in: dir.url)
        #expect(shown.code == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("ci/history.jsonl: 2 runs, 2026-12-01T11:00:00Z to 2026-12-02T12:00:00Z"), "\(shown.stdout)")
        #expect(shown.stdout.contains("2026-12-01T11:00:00Z  1111111111            100 ns/op  4 allocs/op  256 B/op"), "\(shown.stdout)")
        #expect(shown.stdout.contains("2026-12-02T12:00:00Z  v2          updated   100 ns/op  4 allocs/op  256 B/op"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("sort/n=1000"))

        let json = try MemGateProcess.run(["history", "show", "ci/history.jsonl", "--format", "json", "--metric", "allocs"], in: dir.url)
        #expect(json.code == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.map { $0["name"] as? String } == ["json/encode", "sort/n=1000"])
        let points = try #require((benchmarks[0]["metrics"] as? [String: Any])?["allocs"] as? [[String: Any]])
        #expect(points.map { $0["baselineUpdate"] as? Bool } == [false, true])
        #expect(points.map { $0["median"] as? Double } == [4, 4])
        #expect((benchmarks[0]["metrics"] as? [String: Any])?.keys.sorted() == ["allocs"])
    }

    @Test func theCommitComesFromGitWhenItCan() throws {
        let dir = try TemporaryDirectory()
        func git(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", dir.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(GitIsolation.environment) { $1 }
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let results = try dir.write("results.json", EndToEndTests.results())
        _ = try git(["init", "--quiet"])
        _ = try git(["add", "results.json"])
        _ = try git(["commit", "--quiet", "-m", "one"])
        let head = try git(["rev-parse", "HEAD"])
        #expect(head.count == 40)
        let run = try MemGateProcess.run(["history", "append", results, "--file", "h.jsonl"], in: dir.url,
                                         environment: ["GITHUB_SHA": "not-this-one"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(try History.read(contentsOf: dir.file("h.jsonl")).entries.map(\.commit) == [head])
        #expect(try History.read(contentsOf: dir.file("h.jsonl")).entries.map(\.baselineHash) == [""])
    }

    @Test func badInputExits2AndLeavesTheFile() throws {
        let dir = try TemporaryDirectory()
        let results = try dir.write("results.json", EndToEndTests.results())
        #expect(try MemGateProcess.run(["history", "append", results, "--file", "h.jsonl"], in: dir.url).code == 0)
        let good = dir.read("h.jsonl") ?? ""
        let broken = try dir.write("broken.jsonl", good + good.prefix(good.count / 2))  // a torn second line
        func check(_ arguments: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect(run.code == 2, "\(run.stdout)", sourceLocation: sourceLocation)
            #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        try check(["history", "append", results, "--file", broken], "broken.jsonl: at line 2, column ")
        #expect(dir.read("broken.jsonl") == good + good.prefix(good.count / 2))
        try check(["history", "show", broken], "memgate history show: \(broken): at line 2, column ")
        try dir.write("future.jsonl", good + good.replacingOccurrences(of: #""schema":1"#, with: #""schema":9"#))
        try check(["history", "show", "future.jsonl"], "future.jsonl: at line 2, schema: history schema 9 is not supported")
        try check(["history", "show", "nope.jsonl"], "nope.jsonl: no such file")
        try check(["history", "show", "h.jsonl", "--metric", "allocz"], "no metric named 'allocz'")
        try check(["history", "show", "h.jsonl", "--filter", "nothing"], "no benchmark in h.jsonl matches")
        try check(["history", "show", "h.jsonl", "--format", "csv"], "--format: 'csv' is not one of text, json")
        try check(["history", "show", "h.jsonl", "--bogus"], "memgate history show: unknown option '--bogus'")
        try check(["history", "append", results, "--file", "h.jsonl", "--kep", "3"], "unknown option '--kep'; did you mean '--keep'?")
        try check(["history", "append", results], "missing --file FILE")
        try check(["history", "append", results, "--file", "h.jsonl", "--keep", "0"], "--keep: must be between 1 and 1000000")
        try check(["history", "append", results, "--file", "h.jsonl", "--date", "yesterday"], "--date: 'yesterday' is not an ISO 8601")
        try check(["history", "append", results, "--file", "h.jsonl", "--commit", "a b"], "--commit: 'a b' contains whitespace")
        try check(["history", "append", results, "--file", "h.jsonl", "--baseline", "none.json"], "--baseline: none.json: no such file")
        try check(["history", "append", "missing.json", "--file", "h.jsonl"], "missing.json")
        try check(["history"], "memgate history: missing action: append, show or check")
        try check(["history", "sho"], "unknown action 'sho' (actions: append, show, check); did you mean 'show'?")
        #expect(dir.read("h.jsonl") == good)
    }

    @Test func helpForTheGroupAndEachAction() throws {
        let group = try MemGateProcess.run(["history", "--help"])
        #expect(group.code == 0)
        #expect(group.stdout.contains("memgate history append [options] RESULTS --file FILE"))
        #expect(group.stdout.contains("memgate history check [options] FILE") && group.stdout.contains("  check   Exit 1 when"))
        #expect(try MemGateProcess.run(["help", "history"]).stdout == group.stdout)
        #expect(try MemGateProcess.run(["--help"]).stdout.contains("  history "))
        for action in ["append", "show", "check"] {
            let viaFlag = try MemGateProcess.run(["history", action, "--help"])
            #expect(viaFlag.code == 0)
            #expect(viaFlag.stdout.hasPrefix("USAGE: memgate history \(action) [options]"))
            #expect(viaFlag.stdout.contains("Exit codes: 0"))
            #expect(try MemGateProcess.run(["help", "history", action]).stdout == viaFlag.stdout)
        }
    }

    /// A generated history of 200 runs of 13 benchmarks (about 3 MB) that `show` reads whole.
    @Test func showReadsA200RunHistory() throws {
        let dir = try TemporaryDirectory()
        try HistoryFixture.history(runs: 200, benchmarks: 13).write(to: dir.file("history.jsonl"))
        let run = try MemGateProcess.run(["history", "show", "history.jsonl", "--filter", "^bench/7$", "--metric", "allocs"], in: dir.url)
        #expect(run.code == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("2026-") }
        #expect(rows.count == 200)
        #expect(rows.first?.hasPrefix("2026-01-01T00:00:00Z  0000000000") == true)
        #expect(rows.last?.hasSuffix("299 allocs/op") == true, "\(rows.last ?? "")")
        #expect(rows.filter { $0.contains("updated") }.count == 3)  // runs 50, 100 and 150
        #expect(run.stdout.contains("history.jsonl: 200 runs, 2026-01-01T00:00:00Z to 2026-07-19T00:00:00Z"), "\(run.stdout.prefix(300))")
        let everything = try MemGateProcess.run(["history", "show", "history.jsonl"], in: dir.url)
        #expect(everything.code == 0)
        #expect(everything.stdout.split(separator: "\n").filter { $0.hasPrefix("2026-") }.count == 200 * 13)
    }
}
