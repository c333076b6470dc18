import BenchResults
import CLISupport
import Testing
import TestSupport
@testable import GateCore

/// What `memgate bisect` prints and writes: the text report and the JSON document of a
/// found, an unsure and a not-reproduced bisection.
@Suite struct BisectResultTests {
    func text(_ result: BisectResult) -> String {
        var out = ""
        result.writeText(to: &out)
        return out
    }

    func json(_ result: BisectResult) throws -> JSONValue {
        var out = ""
        result.writeJSON(to: &out)
        return try StrictJSON.parse(Array(out.utf8))
    }

    @Test func foundNamesTheCommitTheValuesAndTheSites() throws {
        let result = try BisectFixture.found()
        #expect(result.exitCode == .pass)
        let out = text(result)
        #expect(out.hasPrefix("memgate bisect: blocks allocs over 8 commits of main's first-parent line, GOOD v1.0 (0000000000) "
            + "to BAD main (8888888888)\n"))
        #expect(out.contains("First bad commit: \(String(repeating: "5", count: 40))\n  subject: Add a flush\n"
            + "  author date: 2026-12-06T10:00:00+01:00\n  allocs: 2 allocs/op before (4444444444, its parent) -> 3 allocs/op after\n"))
        #expect(out.contains("Where blocks allocates differently"), "\(out)")
        #expect(out.contains("Blocks.flush()"))
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("       5  5555555555  bad ") }
        #expect(rows.count == 1 && rows[0].contains("3 allocs/op  Add a flush"), "\(out)")
        #expect(out.hasSuffix("FOUND: the first bad commit is 5555555555 \"Add a flush\" (5 builds for 8 commits)\n"))
    }

    @Test func foundAsJSON() throws {
        let document = try json(try BisectFixture.found())
        #expect(document["format"]?.stringValue == "memgate-bisect" && document["outcome"]?.stringValue == "found")
        #expect(document["exitCode"]?.numberValue == 0 && document["builds"]?.numberValue == 5 && document["commits"]?.numberValue == 8)
        #expect(document["firstBad"]?["hash"]?.stringValue == String(repeating: "5", count: 40))
        #expect(document["firstBad"]?["subject"]?.stringValue == "Add a flush")
        #expect(document["firstBad"]?["authorDate"]?.stringValue == "2026-12-06T10:00:00+01:00")
        #expect(document["before"]?.numberValue == 2 && document["after"]?.numberValue == 3)
        #expect(document["target"]?["metric"]?.stringValue == "allocs" && document["target"]?["threshold"]?.stringValue == "+0")
        #expect(document["steps"]?.arrayValue?.count == 5)
        let changes = document["change"]?["sites"]?["changes"]?.arrayValue ?? []
        #expect(changes.contains { $0["key"]?.stringValue == "flush" && $0["kind"]?.stringValue == "new" })
        #expect(document["candidates"] == .null && document["errorControl"] == .null)
    }

    @Test func unsureNamesTheRangeAndWhy() throws {
        let result = BisectFixture.unsure()
        #expect(result.exitCode == .inconclusive)
        let out = text(result)
        #expect(out.contains("The first bad commit is one of these 2, after 4444444444:\n"
            + "  5555555555  Add a flush\n  6666666666  change 6\n"))
        #expect(out.contains("skipped"))
        #expect(out.hasSuffix("UNSURE: the first bad commit is one of 2 after 4444444444, up to 6666666666: commits in the range "
            + "could not be tested: 5555555555 (not built: error: boom) (5 builds for 8 commits)\n"))
        let document = try json(result)
        #expect(document["outcome"]?.stringValue == "unsure" && document["exitCode"]?.numberValue == 3)
        #expect(document["candidates"]?.arrayValue?.count == 2 && document["firstBad"] == .null)
    }

    /// Inconclusive ends: unsure, but no range of candidates (nothing was searched).
    @Test func inconclusiveEndsAreUnsureWithoutCandidates() throws {
        var result = BisectFixture.notReproduced()
        result.outcome = .unsure
        result.reason = "inconclusive: blocks time 100 ns/op -> 125 ns/op (+25.0% ±30.0%)"
        let out = text(result)
        #expect(!out.contains("The first bad commit is one of"))
        #expect(out.hasSuffix("UNSURE at the ends: inconclusive: blocks time 100 ns/op -> 125 ns/op (+25.0% ±30.0%) "
            + "(2 builds for 8 commits)\n"), "\(out)")
        #expect(try json(result)["candidates"] == .null)
        #expect(result.exitCode == .inconclusive)
    }

    @Test func notReproducedSaysSo() throws {
        let result = BisectFixture.notReproduced()
        #expect(result.exitCode == .notReproduced && result.exitCode.rawValue == 4)
        #expect(text(result).hasSuffix("NOT REPRODUCED at the ends: no metric of the selected benchmarks regressed past its threshold "
            + "from GOOD to BAD (2 builds for 8 commits)\n"))
        #expect(try json(result)["outcome"]?.stringValue == "not reproduced")
    }

    /// A subject is the user's text: escaped for the terminal, kept as is in JSON.
    @Test func hostileSubjectsAreEscaped() throws {
        let result = try BisectFixture.found(subject: "evil \u{1B}[2J\nnext")
        let out = text(result)
        #expect(!out.contains("\u{1B}") && out.contains("evil \\u{1B}[2J\\nnext"))
        #expect(try json(result)["firstBad"]?["subject"]?.stringValue == "evil \u{1B}[2J\nnext")
    }

    @Test func noisyLevelsSplitAlphaOverTheTests() {
        let levels = BisectLevels(alpha: 0.01, commits: 16)
        #expect(levels.steps == 4 && abs(levels.level - 0.002) < 1e-15)
        #expect(BisectLevels(alpha: 0.01, commits: 1).level == 0.01)
        #expect(levels.statement.contains("each of at most 5 tests"))
    }
}
