import BenchResults
import Foundation
import Testing
import TestSupport

/// The fixture repositories themselves (fast).
@Suite struct RefsFixtureRepositoryTests {
    /// git runs without the user's global or system config: nothing but the repository's own
    /// config is seen, and commits carry the identity the fixture names.
    @Test func gitSeesNoGlobalConfig() throws {
        let repo = try RefsFixtureRepository()
        let origins = try repo.git("config", "--list", "--show-origin").components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(!origins.isEmpty)
        #expect(origins.allSatisfy { $0.hasPrefix("file:.git/config\t") }, "\(origins)")
        #expect(try repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>")
            == "memgate tests <tests@memgate.invalid>|memgate tests <tests@memgate.invalid>\n")
    }
}

/// `memgate refs` on temporary git repositories holding the TinyBench fixture: the errors
/// found before any build (fast).
@Suite struct RefsErrorTests {
    @Test func unknownRefExitsTwoAndNamesIt() throws {
        let repo = try RefsFixtureRepository()
        let before = try repo.state()
        let run = try repo.memgate(["refs", "no-such-branch"], timeout: 60)
        #expect(run.code == 2, "\(run.stderr)")
        #expect(run.stderr.contains("unknown ref 'no-such-branch' (git rev-parse --verify --quiet no-such-branch^{commit}"),
                "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let head = try repo.memgate(["refs", "HEAD", "nope~3"], timeout: 60)
        #expect(head.code == 2)
        #expect(head.stderr.contains("unknown ref 'nope~3'"), "\(head.stderr)")
        try repo.expectUntouched(since: before)
    }

    @Test func optionLikeRefIsRefused() throws {
        let repo = try RefsFixtureRepository()
        let run = try repo.memgate(["refs", "--", "--output=x"], timeout: 60)
        #expect(run.code == 2)
        #expect(run.stderr.contains("'--output=x' is not a git revision: it starts with '-'"), "\(run.stderr)")
        #expect(try repo.leftovers().isEmpty)
    }

    @Test func notAGitRepositoryExitsTwo() throws {
        let dir = try TemporaryDirectory()
        try dir.write("Package.swift", "// not built\n")
        try FileManager.default.createDirectory(atPath: dir.file("tmp"), withIntermediateDirectories: true)
        let run = try MemGateProcess.run(
            ["refs", "main"], in: dir.url,
            environment: ["TMPDIR": dir.file("tmp"), "GIT_CEILING_DIRECTORIES": dir.url.deletingLastPathComponent().path], timeout: 60)
        #expect(run.code == 2)
        #expect(run.stderr.contains("is not inside a git repository"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("tmp")).isEmpty)
    }

    @Test func usageErrorsExitTwoBeforeAnything() throws {
        let repo = try RefsFixtureRepository()
        for arguments in [["refs"], ["refs", "HEAD", "--rounds", "0"], ["refs", "HEAD", "--samples", "x"],
                          ["refs", "HEAD", "--filter", "("], ["refs", "HEAD", "--timeout", "0s"], ["refs", "a", "b", "c"]] {
            let run = try repo.memgate(arguments, timeout: 60)
            #expect(run.code == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("memgate refs: "), "\(arguments): \(run.stderr)")
        }
        #expect(try repo.leftovers().isEmpty)
    }

    @Test func baseWithoutBenchmarkExecutableExitsTwo() throws {
        let repo = try RefsFixtureRepository()
        try repo.directory.write("repo/pkg/Package.swift", """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "TinyBench", targets: [.executableTarget(name: "TinyBenchmarks")])
            """)
        try repo.directory.write("repo/pkg/Sources/TinyBenchmarks/TinyBenchmarks.swift", "@main enum Main { static func main() {} }\n")
        try repo.commit("no benchmarks yet")
        let run = try repo.memgate(["refs", "HEAD", "HEAD~1"], timeout: 300)
        #expect(run.code == 2, "\(run.stderr)")
        #expect(run.stderr.contains("base HEAD ("), "\(run.stderr)")
        #expect(run.stderr.contains("no benchmark executable found"), "\(run.stderr)")
        #expect(try repo.extraWorktrees().isEmpty)
        #expect(try repo.leftovers().isEmpty, "\((try? repo.leftovers()) ?? [])")
    }

    @Test func helpListsEveryFlag() throws {
        let run = try MemGateProcess.run(["refs", "--help"])
        #expect(run.code == 0)
        for flag in ["--rounds", "--samples", "--filter", "--skip", "--sample-time", "--timeout", "--keep-results",
                     "--build-root", "--package-path", "--executable", "--threshold", "--noisy", "--output", "BASE", "[HEAD]"] {
            #expect(run.stdout.contains(flag), "help lacks \(flag)")
        }
        let top = try MemGateProcess.run(["--help"])
        #expect(top.stdout.contains("refs"))
    }
}

extension TinyBenchPackageTests {
    /// `memgate refs` end to end: release builds of both sides, interleaved runs, the verdict,
    /// cleanup. Slow (the first scenario compiles BenchKit in release for both sides into the
    /// shared build root; later ones rebuild the fixture target only). Serialized: they share
    /// the build root; and timing needs the machine to itself as much as it can get, so no
    /// package-building test of the other chain runs beside them (`.needsTheMachineAlone`).
    @Suite(.serialized, .needsTheMachineAlone, .enabled(if: RefsFixtureRepository.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct RefsEndToEndTests {
        /// Thresholds for a shared 2-core machine. "spin" is the time subject: its sample-mean
        /// "time" swings by tens of percent under load (preemption inside a 10 ms sample) while
        /// p50 and CPU time stay within a few percent, so 20% keeps A/A quiet and a 30% slowdown
        /// still clears it; tail quantiles are off. "blocks" is the exact-count subject: its
        /// ~25 ns op runs at one of two speeds per process (about 24 or 43 ns, measured, see
        /// docs/performance.md), which only many rounds average out, so only its exact metrics are
        /// gated here. Each round contributes one value per metric, so 8 rounds are needed: with
        /// n rounds per side the smallest two-sided U-test p is 2 / C(2n, n) (0.029 at 4, 1.6e-4
        /// at 8), and Holm multiplies it by the family size (time, cpu, p50 = 3). The config's
        /// "noisy" is the one recommended for committed baselines; refs must ignore it (the
        /// time test fails on time only if it does).
        static let config = """
            {
              "noisy": { "*": "report", "peakRSS": "gate" },
              "thresholds": { "time": "20%", "cpu": "20%", "p50": "20%", "p90": "off", "p99": "off" },
              "benchmarks": [ { "match": "blocks", "thresholds": { "time": "off", "cpu": "off", "p50": "off" } } ]
            }
            """

        func common(_ repo: RefsFixtureRepository, rounds: Int = 8) -> [String] {
            ["--build-root", RefsFixtureRepository.buildRoot, "--rounds", String(rounds), "--samples", "3"]
        }

        /// The regression rows of a text report whose benchmark is `benchmark`.
        func regressions(_ stdout: String, _ benchmark: String) -> [String] {
            stdout.components(separatedBy: "\n").filter { $0.hasPrefix(benchmark + " ") && $0.contains("REGRESSED") }
        }

        @Test func sameCommitPassesAndKeepsResults() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            let before = try repo.state()
            let kept = repo.directory.file("kept")
            let run = try repo.memgate(["refs", "HEAD", "--keep-results", kept, "--inconclusive", "pass"] + common(repo))
            #expect(run.code == 0, "\(run.stdout)\n\(run.stderr)")
            #expect(!run.stdout.contains("REGRESSED"), "\(run.stdout)")
            #expect(run.stderr.contains("2 benchmarks × 8 rounds × 3 samples per side"), "\(run.stderr)")
            let base = try ResultsFile.read(contentsOf: kept + "/base.json")
            let head = try ResultsFile.read(contentsOf: kept + "/head.json")
            #expect(base.benchmarks.map(\.name) == ["blocks", "spin"])
            #expect(head.benchmarks.map(\.name) == ["blocks", "spin"])
            // One value per round (the median of its 3 samples): 8 per side.
            #expect(base["spin"]?.metrics["time"]?.samples.count == 8)
            #expect(base["spin"]?.iterations.count == 8)
            #expect(base["blocks"]?.metrics["allocs"]?.samples == Array(repeating: 2, count: 8))
            // The passes ran once per side, outside the rounds: one reference count, and no
            // sites, since nothing regressed.
            #expect(base["blocks"]?.metrics["retains"]?.samples.count == 1 && head["spin"]?.metrics["objects"]?.samples.count == 1)
            #expect(base["blocks"]?.allocationSites == nil && head["blocks"]?.allocationSites == nil)
            #expect(base.environment.fingerprintMismatches(with: head.environment).isEmpty)
            #expect(base.environment.gitCommit == head.environment.gitCommit)
            let compare = try MemGateProcess.run(["compare", kept + "/base.json", kept + "/head.json"])
            #expect(compare.code == 0, "\(compare.stderr)")
            // Shard 2 of 2 (equal shares of the sorted names: blocks, then spin) runs spin only.
            let shardKept = repo.directory.file("kept-shard")
            let shard = try repo.memgate(["refs", "HEAD", "--shard", "2/2", "--keep-results", shardKept, "--inconclusive", "pass"]
                + common(repo, rounds: 2))
            #expect(shard.code == 0, "\(shard.stdout)\n\(shard.stderr)")
            #expect(try ResultsFile.read(contentsOf: shardKept + "/base.json").benchmarks.map(\.name) == ["spin"])
            try repo.expectUntouched(since: before)
        }

        @Test func extraAllocationInHeadCommitFails() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            try repo.edit(blocksPerOp: 3)
            try repo.commit("one more allocation per op")
            let before = try repo.state()
            let run = try repo.memgate(["refs", "HEAD~1", "HEAD"] + common(repo))
            #expect(run.code == 1, "\(run.stdout)\n\(run.stderr)")
            let rows = regressions(run.stdout, "blocks")
            #expect(rows.contains { $0.contains(" allocs ") && $0.contains("2 allocs/op") && $0.contains("3 allocs/op") }, "\(run.stdout)")
            #expect(run.stdout.contains("base HEAD~1 ("), "\(run.stdout)")
            // Sites are recorded after the rounds for the benchmark that regressed.
            #expect(run.stdout.contains("Where blocks allocates differently"), "\(run.stdout)")
            try repo.expectUntouched(since: before)
        }

        @Test func slowerWorkingTreeFailsOnTime() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            try repo.edit(spinRounds: 26_000)  // 30% more work per op, uncommitted
            let before = try repo.state()
            // 12 rounds: a load burst that slows a few rounds of both sides still leaves the
            // shift significant (8 are enough on a quiet machine).
            let run = try repo.memgate(["refs", "HEAD"] + common(repo, rounds: 12))
            #expect(run.code == 1, "\(run.stdout)\n\(run.stderr)")
            let rows = regressions(run.stdout, "spin")
            #expect(rows.contains { row in ["time", "cpu", "p50"].contains { row.contains(" \($0) ") } }, "\(run.stdout)")
            #expect(regressions(run.stdout, "blocks").filter { $0.contains(" allocs ") }.isEmpty)
            #expect(run.stdout.contains("head working tree ("), "\(run.stdout)")
            #expect(run.stdout.contains("uncommitted changes"), "\(run.stdout)")
            try repo.expectUntouched(since: before)
        }

        @Test func buildFailureExitsTwoNamingTheSide() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            let path = repo.package + "/Sources/TinyBenchmarks/TinyBenchmarks.swift"
            let source = try String(contentsOfFile: path, encoding: .utf8)
            try (source + "\nlet broken: Int = \"not an int\"\n").write(toFile: path, atomically: true, encoding: .utf8)
            let before = try repo.state()
            let run = try repo.memgate(["refs", "HEAD"] + common(repo))
            #expect(run.code == 2, "\(run.stdout)\n\(run.stderr)")
            #expect(run.stderr.contains("head working tree"), "\(run.stderr)")
            #expect(run.stderr.contains("failed to build"), "\(run.stderr)")
            #expect(run.stderr.contains("error:"), "\(run.stderr)")
            try repo.expectUntouched(since: before)
        }

        /// SIGTERM while a side is compiling (a fresh build folder, so the compilers certainly
        /// run): `swift build` and its compilers stop with memgate, nothing is left behind.
        @Test func sigtermDuringTheBuildStopsTheCompilers() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            let before = try repo.state()
            let process = try repo.startMemgate(["refs", "HEAD"])
            RunningProcesses.expectStopsEverything(process, signal: SIGTERM, mentioning: repo.temporary)
            try repo.expectUntouched(since: before)
        }

        @Test func sigtermCleansUpAndExits143() throws {
            let repo = try RefsFixtureRepository(config: Self.config)
            let before = try repo.state()
            let process = try repo.startMemgate(["refs", "HEAD", "--build-root", RefsFixtureRepository.buildRoot, "--rounds", "200"])
            // Wait until the run is under way: the base worktree exists, then a few more seconds.
            let deadline = Date().addingTimeInterval(300)
            while try repo.extraWorktrees().isEmpty && process.isRunning && Date() < deadline { usleep(100_000) }
            #expect(process.isRunning)
            sleep(3)
            process.terminate()  // SIGTERM
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 143)
            // Nothing memgate started outlives it: no build, compiler or benchmark still runs
            // with the workspace on its command line (a `swift build` killed by SIGTERM would
            // leave its compilers running).
            #expect(RunningProcesses.remaining(mentioning: repo.temporary).isEmpty)
            try repo.expectUntouched(since: before)
        }
    }
}
