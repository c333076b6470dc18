import BenchResults
import Foundation
import Testing
import TestSupport

extension RefsFixtureRepository {
    /// Commits `count` changes to README, oldest first; before the `at`th (1-based) commit,
    /// `change` edits the package too. Returns the commits' hashes, oldest first.
    func commitLine(_ count: Int, at: Int = 0, subject: String = "the change", _ change: () throws -> Void = {}) throws -> [String] {
        var hashes: [String] = []
        for index in 1...count {
            _ = try directory.write("repo/README", "fixture\n" + (1...index).map { "line \($0)\n" }.joined())
            if index == at { try change() }
            try commit(index == at ? subject : "readme \(index)")
            hashes.append(try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return hashes
    }

    /// Replaces `old` with `new` in the fixture's benchmark source; traps if `old` is absent.
    func replace(_ old: String, _ new: String) throws {
        let path = package + "/Sources/TinyBenchmarks/TinyBenchmarks.swift"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        precondition(source.contains(old), "TinyBench source has no '\(old)'")
        try source.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// `memgate bisect` errors found before any build (fast).
@Suite struct BisectErrorTests {
    @Test func badArgumentsAndRefsExitTwo() throws {
        let repo = try RefsFixtureRepository()
        _ = try repo.commitLine(2)
        let before = try repo.state()
        for arguments in [["bisect", "HEAD~1"], ["bisect", "--bogus", "HEAD~1", "HEAD"], ["bisect", "HEAD~1", "HEAD", "x"],
                          ["bisect", "HEAD~1", "HEAD", "--rounds", "5", "--max-rounds", "3"],
                          ["bisect", "HEAD~1", "HEAD", "--output", "r.md"],
                          ["bisect", "HEAD~1", "HEAD", "--format", "html"], ["bisect", "HEAD~1", "HEAD", "--filter", "("],
                          ["bisect", "HEAD~1", "HEAD", "--threshold", "allocs=lots"], ["bisect", "--", "-x", "HEAD"]] {
            let run = try repo.memgate(arguments, timeout: 60)
            #expect(run.code == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("memgate bisect: "), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let unknown = try repo.memgate(["bisect", "no-such-ref", "HEAD"], timeout: 60)
        #expect(unknown.code == 2 && unknown.stderr.contains("unknown ref 'no-such-ref'"), "\(unknown.stderr)")
        try repo.expectUntouched(since: before)
    }

    @Test func badMustDescendFromGoodOnItsFirstParentLine() throws {
        let repo = try RefsFixtureRepository()
        _ = try repo.commitLine(2)
        let same = try repo.memgate(["bisect", "HEAD", "HEAD"], timeout: 60)
        #expect(same.code == 2 && same.stderr.contains("BAD must be a descendant of GOOD"), "\(same.stderr)")
        let reversed = try repo.memgate(["bisect", "HEAD", "HEAD~2"], timeout: 60)
        #expect(reversed.code == 2, "\(reversed.stderr)")
        // A side branch merged with --no-ff: its commit is not on main's first-parent line.
        try repo.git("checkout", "-q", "-b", "side")
        _ = try repo.directory.write("repo/side.txt", "side\n")
        try repo.git("add", "side.txt")
        try repo.commit("on the side")
        try repo.git("checkout", "-q", "-")
        try repo.git("-c", "user.name=memgate tests", "-c", "user.email=tests@memgate.invalid", "merge", "-q", "--no-ff", "-m", "merge",
                     "side")
        let off = try repo.memgate(["bisect", "side", "HEAD"], timeout: 60)
        #expect(off.code == 2 && off.stderr.contains("is not on BAD's first-parent line"), "\(off.stderr)")
        #expect(try repo.leftovers().isEmpty && repo.extraWorktrees().isEmpty)
    }

    @Test func helpListsEveryFlagAndTheExitCodes() throws {
        let run = try MemGateProcess.run(["bisect", "--help"])
        #expect(run.code == 0)
        for flag in ["--filter", "--skip", "--metric", "--rounds", "--max-rounds", "--samples", "--sample-time", "--timeout",
                     "--executable", "--no-align", "--build-root", "--format", "--output", "--full-stacks", "--config", "--threshold",
                     "--alpha", "--package-path", "GOOD", "BAD", "0 found, 4 not reproduced at the ends, 3 unsure"] {
            #expect(run.stdout.contains(flag), "help lacks \(flag)")
        }
        #expect(try MemGateProcess.run(["--help"]).stdout.contains("bisect"))
    }
}

extension TinyBenchPackageTests {
    /// `memgate bisect` end to end on fixture repositories: release builds of the ends and of
    /// each step (into the refs tests' build root, so the ends' builds are incremental), the
    /// search, the outputs, cleanup. Serialized with the other package-building suites.
    @Suite(.serialized, .sharesTheMachine, .enabled(if: RefsFixtureRepository.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct BisectEndToEndTests {
        func common() -> [String] { ["--build-root", RefsFixtureRepository.buildRoot, "--samples", "3", "--filter", "^blocks$"] }

        /// 16 commits after GOOD; the 11th adds one allocation per op (a call to
        /// `Blocks.flush()`): named after 6 builds (the two ends and 4 steps).
        @Test func namesTheCommitThatAddedAnAllocation() throws {
            let repo = try RefsFixtureRepository()
            let hashes = try repo.commitLine(16, at: 11, subject: "flush after each op") {
                try repo.replace("// EDIT: a call added here allocates at a new site", "Blocks.flush()")
            }
            let before = try repo.state()
            let json = repo.directory.file("out/bisect.json"), html = repo.directory.file("out/bisect.html")
            let run = try repo.memgate(["bisect", "HEAD~16", "HEAD", "--output", json, "--output", html] + common())
            #expect(run.code == 0, "\(run.stdout)\n\(run.stderr)")
            let culprit = hashes[10], parent = hashes[9]
            let date = try repo.git("log", "-1", "--format=%aI", culprit).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(run.stdout.contains("First bad commit: \(culprit)\n  subject: flush after each op\n  author date: \(date)\n"
                + "  allocs: 2 allocs/op before (\(parent.prefix(10)), its parent) -> 3 allocs/op after\n"), "\(run.stdout)")
            #expect(run.stdout.contains("Where blocks allocates differently"), "\(run.stdout)")
            // The new site: the inlined allocateOne(bytes:) on its row, flush() at its call under it.
            let lines = run.stdout.split(separator: "\n")
            let row = lines.firstIndex { $0.contains("new") && $0.contains("Blocks.allocateOne(bytes:) at TinyBenchmarks.swift:") }
            #expect(row.map { lines[$0 + 1].contains("<- Blocks.flush() at TinyBenchmarks.swift:") } == true, "\(run.stdout)")
            #expect(run.stdout.hasSuffix("FOUND: the first bad commit is \(culprit.prefix(10)) \"flush after each op\" "
                + "(6 builds for 16 commits)\n"), "\(run.stdout)")
            let document = try StrictJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
            let builds = document["builds"]?.numberValue ?? 99
            #expect(builds <= 6 && builds >= 3, "\(builds) builds")
            #expect(document["firstBad"]?["hash"]?.stringValue == culprit && document["firstBad"]?["authorDate"]?.stringValue == date)
            #expect(document["firstBad"]?["subject"]?.stringValue == "flush after each op")
            #expect(document["before"]?.numberValue == 2 && document["after"]?.numberValue == 3)
            let sites = document["change"]?["sites"]?["changes"]?.arrayValue ?? []
            #expect(sites.contains { site in
                site["kind"]?.stringValue == "new"
                    && site["frames"]?.arrayValue?.prefix(2).map { $0.stringValue } == ["Blocks.allocateOne(bytes:)", "Blocks.flush()"]
            }, "\(sites)")
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("<dl id=\"first-bad\">") && page.contains(culprit) && page.contains("Blocks.flush()"))
            try repo.expectUntouched(since: before)
        }

        @Test func unchangedEndsAreNotReproduced() throws {
            let repo = try RefsFixtureRepository()
            _ = try repo.commitLine(3)
            let before = try repo.state()
            let run = try repo.memgate(["bisect", "HEAD~3", "HEAD", "--metric", "allocs"] + common())
            #expect(run.code == 4, "\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("NOT REPRODUCED at the ends: allocs of no selected benchmark regressed past its threshold "
                + "from GOOD to BAD (2 builds for 3 commits)"), "\(run.stdout)")
            try repo.expectUntouched(since: before)
        }

        /// Commit 4 of 8 does not compile and commit 5 both fixes it and adds the allocation:
        /// commit 4 is skipped, never counted good, so the answer is the range 4-5, unsure.
        @Test func aCommitThatDoesNotBuildIsSkippedNeverCountedGood() throws {
            let repo = try RefsFixtureRepository()
            let broken = "\nlet broken: Int = \"not an int\"\n"
            let hashes = try repo.commitLine(8, at: 4, subject: "break the build") {
                try repo.replace("/// The allocations of \"blocks\"", broken + "/// The allocations of \"blocks\"")
            }
            try repo.git("reset", "-q", "--hard", hashes[3])
            let fixed = try repo.commitLine(4, at: 1, subject: "fix the build, one more allocation") {
                try repo.replace(broken, "")
                try repo.edit(blocksPerOp: 3)
            }
            let before = try repo.state()
            let json = repo.directory.file("bisect.json")
            let run = try repo.memgate(["bisect", "HEAD~8", "HEAD", "--output", "json:" + json] + common())
            #expect(run.code == 3, "\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("UNSURE: the first bad commit is one of 2 after \(hashes[2].prefix(10)), up to "
                + "\(fixed[0].prefix(10))"), "\(run.stdout)")
            #expect(run.stdout.contains("skipped") && run.stdout.contains("not built"), "\(run.stdout)")
            let document = try StrictJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
            #expect(document["candidates"]?.arrayValue?.compactMap { $0["hash"]?.stringValue } == [hashes[3], fixed[0]])
            let steps = document["steps"]?.arrayValue ?? []
            #expect(steps.contains { $0["commit"]?.stringValue == hashes[3] && $0["verdict"]?.stringValue == "skipped" })
            #expect(!steps.contains { $0["commit"]?.stringValue == hashes[3] && $0["verdict"]?.stringValue == "good" })
            try repo.expectUntouched(since: before)
        }

        /// Ctrl-C while an end is compiling (fresh build folders, so compilers certainly run):
        /// memgate stops them, removes its worktrees and folders, and exits 130.
        @Test func sigintDuringTheBuildStopsEverything() throws {
            let repo = try RefsFixtureRepository()
            _ = try repo.commitLine(2)
            let before = try repo.state()
            let process = try repo.startMemgate(["bisect", "HEAD~2", "HEAD"])
            RunningProcesses.expectStopsEverything(process, signal: SIGINT, mentioning: repo.temporary)
            try repo.expectUntouched(since: before)
        }
    }
}
