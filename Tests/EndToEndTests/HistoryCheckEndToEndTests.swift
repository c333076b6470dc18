import BenchResults
import Foundation
import GateFormats
import Testing
import TestSupport

/// `memgate history check` and `history show --changes` through the built executable, on the
/// 60-run histories of `CreepHistoryFixture`.
@Suite struct HistoryCheckEndToEndTests {
    static func directory(_ files: [String: History]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for (name, history) in files { try CreepHistoryFixture.write(history, to: directory.file(name)) }
        return directory
    }

    @Test func creepFailsNamingItsRangeAndAnUnchangedHistoryPasses() throws {
        let dir = try Self.directory(["creep.jsonl": CreepHistoryFixture.history(creep: true),
                                      "flat.jsonl": CreepHistoryFixture.history(creep: false)])
        let json = try MemGateProcess.run(["history", "check", "creep.jsonl", "--format", "json"], in: dir.url)
        #expect(json.code == 1, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 1 && findings[0]["benchmark"] as? String == "bench/0" && findings[0]["metric"] as? String == "time")
        let before = try #require(findings[0]["lastRunBefore"] as? Int), after = try #require(findings[0]["firstRunAfter"] as? Int)
        // The range lies in the creep (runs 31 to 50 each slower than the run before).
        #expect(before >= 30 && after <= 51 && before < after, "runs \(before) to \(after)")
        let from = CreepHistoryFixture.commit(before), to = CreepHistoryFixture.commit(after)
        #expect(findings[0]["fromCommit"] as? String == from && findings[0]["toCommit"] as? String == to)
        #expect((findings[0]["change"] as? Double).map { $0 > 0.15 && $0 < 0.3 } == true)

        let text = try MemGateProcess.run(["history", "check", "creep.jsonl"], in: dir.url)
        #expect(text.code == 1)
        #expect(text.stdout.contains("REGRESSED bench/0 time: "), "\(text.stdout)")
        #expect(text.stdout.contains("worse runs \(before) to \(after) in "), "\(text.stdout)")
        #expect(text.stdout.contains("commits \(from.prefix(10))..\(to.prefix(10))"), "\(text.stdout)")
        #expect(text.stdout.hasSuffix("FAIL: 1 of 4 series worse than the threshold since the last baseline update\n"))

        let flat = try MemGateProcess.run(["history", "check", "flat.jsonl"], in: dir.url)
        #expect(flat.code == 0, "\(flat.stdout)")
        #expect(flat.stdout.hasSuffix("PASS: no series worse than its threshold since its last baseline update (4 checked)\n"))
        // A threshold beyond the creep passes it; --metric allocs leaves time out.
        #expect(try MemGateProcess.run(["history", "check", "creep.jsonl", "--threshold", "time=30%"], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["history", "check", "creep.jsonl", "--metric", "allocs"], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["history", "check", "creep.jsonl", "--noisy", "report"], in: dir.url).code == 0)
    }

    @Test func theBaselineUpdateDecidesWhatCounts() throws {
        let dir = try Self.directory([
            "accepted.jsonl": CreepHistoryFixture.history(creep: true, update: 52),  // updated after the creep
            "fresh.jsonl": CreepHistoryFixture.history(creep: true, update: 58),     // 3 runs since the update
        ])
        let accepted = try MemGateProcess.run(["history", "check", "accepted.jsonl"], in: dir.url)
        #expect(accepted.code == 0, "\(accepted.stdout)")
        let fresh = try MemGateProcess.run(["history", "check", "fresh.jsonl", "--filter", "bench/0"], in: dir.url)
        #expect(fresh.code == 0, "\(fresh.stdout)")
        #expect(fresh.stdout.contains("not checked: bench/0 time: not enough runs since the last baseline update to look for change "
            + "points (3 < 6)"), "\(fresh.stdout)")
        #expect(fresh.stdout.hasSuffix("(1 checked, 1 not checked: too few runs)\n"), "\(fresh.stdout)")  // allocs, exact, is checked
    }

    @Test func showMarksTheChanges() throws {
        let dir = try Self.directory(["creep.jsonl": CreepHistoryFixture.history(creep: true)])
        let text = try MemGateProcess.run(["history", "show", "creep.jsonl", "--changes", "--filter", "bench/0"], in: dir.url)
        #expect(text.code == 0, "\(text.stderr)")
        #expect(text.stdout.contains("change points (alpha 0.01; exact metrics: every change of the median):\n  time  +"), "\(text.stdout)")
        #expect(text.stdout.contains("% worse ("), "\(text.stdout)")
        let marked = text.stdout.split(separator: "\n").filter { $0.contains("time +") }
        #expect(!marked.isEmpty, "a row marks the run where a new level starts")
        let json = try MemGateProcess.run(["history", "show", "creep.jsonl", "--changes", "--format", "json", "--metric", "time"],
                                          in: dir.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["alpha"] as? Double == 0.01)
        let benchmarks = try #require(document["benchmarks"] as? [[String: Any]])
        let creep = try #require((benchmarks[0]["changes"] as? [String: Any])?["time"] as? [String: Any])
        #expect(creep["method"] as? String == "rank")
        let shifts = try #require(creep["shifts"] as? [[String: Any]])
        #expect(shifts.count == 1 && shifts[0]["worse"] as? Bool == true && shifts[0]["direction"] as? String == "up")
        let flat = try #require((benchmarks[1]["changes"] as? [String: Any])?["time"] as? [String: Any])
        #expect((flat["shifts"] as? [Any])?.isEmpty == true)
        // Without --changes, no changes key.
        let plain = try MemGateProcess.run(["history", "show", "creep.jsonl", "--format", "json"], in: dir.url)
        #expect(!plain.stdout.contains("\"changes\""))
    }

    @Test func badInputExits2() throws {
        let dir = try Self.directory(["creep.jsonl": CreepHistoryFixture.history(creep: true)])
        _ = try dir.write("empty.jsonl", "")
        _ = try dir.write("torn.jsonl", "{\"format\": \"memgate-history\"")
        func fails(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect(run.code == 2 && run.stderr.contains(message), "\(arguments): \(run.code) \(run.stderr)",
                    sourceLocation: sourceLocation)
        }
        try fails(["history", "check", "missing.jsonl"], "missing.jsonl")
        try fails(["history", "check", "empty.jsonl"], "empty.jsonl: no runs to check")
        try fails(["history", "check", "torn.jsonl"], "torn.jsonl")
        try fails(["history", "check", "creep.jsonl", "--metric", "tmie"], "no metric named 'tmie'")
        try fails(["history", "check", "creep.jsonl", "--filter", "nothing"], "no benchmark in creep.jsonl matches")
        try fails(["history", "check", "creep.jsonl", "--threshold", "widgets=5%"], "--threshold: no metric named 'widgets'")
        try fails(["history", "check", "creep.jsonl", "--threshold", "time"], "is not METRIC=VALUE")
        try fails(["history", "check", "creep.jsonl", "--alpha", "1e-8"], "below 1e-05")
        try fails(["history", "check", "creep.jsonl", "--config", "nope.json"], "nope.json")
        try fails(["history", "check"], "FILE")
        try fails(["history", "show", "creep.jsonl", "--alpha", "0.05"], "add --changes")
        try fails(["history", "show", "creep.jsonl", "--changes", "--alpha", "1e-6"], "--alpha")
    }
}
