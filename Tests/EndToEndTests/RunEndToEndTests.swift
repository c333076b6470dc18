import BenchResults
import Foundation
import Testing

extension TinyBenchPackageTests {
    /// `memgate run` on a user-like package: record, pass, catch one extra allocation per
    /// op, pass again after the revert. Builds TinyBench in release (about a minute the first
    /// time on 2 cores, seconds after).
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct RunEndToEndTests {
        /// Time is not what this test is about, and the machine is shared: gate exact metrics.
        private func run(_ package: TinyBenchFixture, _ extra: [String] = []) throws -> MemGateProcess.Outcome {
            try MemGateProcess.run(TinyBenchFixture.run(["--noisy", "report", "--samples", "5", "--sample-time", "2ms"] + extra),
                                   in: package.directory.url, timeout: 900)
        }

        @Test func recordsThenCatchesOneMoreAllocationPerOpThenPassesAfterRevert() throws {
            let package = try TinyBenchFixture()

            let missing = try run(package)
            #expect(missing.code == 2, "\(missing.stderr)")
            #expect(missing.stderr.contains("no baseline at baselines/baseline.json"))
            #expect(missing.stderr.contains("memgate run --update"))

            let record = try run(package, ["--update"])
            #expect(record.code == 0, "\(record.stderr)")
            #expect(record.stdout.contains("2 added"))
            let baseline = try ResultsFile.read(contentsOf: package.directory.file("baselines/baseline.json"))
            #expect(baseline["blocks"]?[.allocs]?.samples.allSatisfy { $0 == 2 } == true)
            #expect(FileManager.default.fileExists(atPath: package.directory.file(".memgate/results.json")))

            let unchanged = try run(package)
            #expect(unchanged.code == 0, "\(unchanged.stdout)\n\(unchanged.stderr)")
            #expect(unchanged.stdout.contains("allocs/op"))  // the benchmark table
            #expect(unchanged.stdout.contains("PASS"))       // the verdict

            // A baseline benchmark from another executable, a subset run with --executable and a
            // bare --results file name: the other executable's benchmark is not "removed".
            let baselinePath = package.directory.file("baselines/baseline.json")
            var withOther = try ResultsFile.read(contentsOf: baselinePath)
            withOther.benchmarks.append(BenchmarkResult(
                name: "other/x", iterations: [1], metrics: ["allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [1])]))
            try withOther.write(to: baselinePath)
            let subset = try run(package, ["--executable", "TinyBenchmarks", "--results", "subset.json"])
            #expect(subset.code == 0, "\(subset.stdout)\n\(subset.stderr)")
            #expect(!subset.stdout.contains("other/x"), "\(subset.stdout)")
            #expect(FileManager.default.fileExists(atPath: package.directory.file("subset.json")))
            // --filter and --skip check only what they selected, and --no-arc only the metrics it measured.
            let filtered = try run(package, ["--filter", "^blocks$", "--skip", "^spin$", "--no-arc", "--results", "filtered.json"])
            #expect(filtered.code == 0, "\(filtered.stdout)\n\(filtered.stderr)")
            #expect(!filtered.stdout.contains("MISSING"), "\(filtered.stdout)")
            // A full run fails on the benchmark it no longer has, unless allowed; a pruning
            // update records the removal.
            let full = try run(package)
            #expect(full.code == 1, "\(full.stdout)")
            #expect(full.stdout.contains("MISSING  other/x"), "a full run names the benchmark it no longer has")
            #expect(try run(package, ["--allow-missing"]).code == 0)
            let pruned = try MemGateProcess.run(["update", "--prune", "--baseline", baselinePath, ".memgate/results.json"],
                                                in: package.directory.url, timeout: 60)
            #expect(pruned.code == 0, "\(pruned.stderr)")
            #expect(try run(package).code == 0)

            try checkShards(package, baselinePath: baselinePath)

            try package.edit("static let blocksPerOp = 2", "static let blocksPerOp = 3")
            let regressed = try run(package, ["--output", "html:report.html"])
            #expect(regressed.code == 1, "\(regressed.stdout)\n\(regressed.stderr)")
            // `run` writes the HTML report too: the regressed benchmark's section first, the verdict as printed.
            let html = try String(contentsOfFile: package.directory.file("report.html"), encoding: .utf8)
            let verdict = regressed.stdout.split(separator: "\n").first { $0.hasPrefix("FAIL: ") }.map(String.init) ?? "no verdict"
            let firstSection = html.range(of: "<section class=\"bench ")?.lowerBound
            #expect(firstSection != nil && firstSection == html.range(of: "<section class=\"bench regression\"")?.lowerBound)
            #expect(html.contains("id=\"verdict\">\(verdict)</p>"), "\(verdict)")
            // The report names the benchmark and the metric on the regressed row.
            let rows = regressed.stdout.split(separator: "\n").filter { $0.contains("REGRESSED") }
            #expect(rows.contains { $0.hasPrefix("blocks ") && $0.contains(" allocs ") && $0.contains("3 allocs/op") },
                    "\(regressed.stdout)")
            #expect(!rows.contains { $0.hasPrefix("spin ") }, "\(regressed.stdout)")
            #expect(regressed.stdout.contains("FAIL"))

            try package.edit("static let blocksPerOp = 3", "static let blocksPerOp = 2")
            let reverted = try run(package)
            #expect(reverted.code == 0, "\(reverted.stdout)\n\(reverted.stderr)")
        }

        /// Two shards run each benchmark exactly once; their merge gates like a whole run; a
        /// shard with nothing to run is an error.
        private func checkShards(_ package: TinyBenchFixture, baselinePath: String) throws {
            let shardFiles = (1...2).map { package.directory.file("shard\($0).json") }
            for (index, file) in shardFiles.enumerated() {
                let shard = try run(package, ["--shard", "\(index + 1)/2", "--results", file])
                #expect(shard.code == 0, "\(shard.stdout)\n\(shard.stderr)")
            }
            let names = try shardFiles.map { try ResultsFile.read(contentsOf: $0).benchmarks.map(\.name) }
            #expect(names.map(\.count) == [1, 1] && Set(names.joined()) == ["blocks", "spin"], "\(names)")
            let mergedPath = package.directory.file("merged.json")
            let merged = try MemGateProcess.run(["merge"] + shardFiles + ["--output", mergedPath], in: package.directory.url, timeout: 60)
            #expect(merged.code == 0, "\(merged.stderr)")
            // Each shard file records its shard: one left out is refused.
            let incomplete = try MemGateProcess.run(["merge", shardFiles[0], "--output", mergedPath], in: package.directory.url)
            #expect(incomplete.code == 2 && incomplete.stderr.contains("missing shard 2/2"), "\(incomplete.stderr)")
            let gated = try MemGateProcess.run(
                ["check", "--noisy", "report", baselinePath, mergedPath], in: package.directory.url, timeout: 60)
            #expect(gated.code == 0, "\(gated.stdout)\n\(gated.stderr)")
            let tooMany = try run(package, ["--shard", "3/3"])
            #expect(tooMany.code == 2 && tooMany.stderr.contains("shard 3/3 has no benchmark"), "\(tooMany.stderr)")
        }

        /// Ctrl-C (SIGINT to memgate alone: `swift build` runs in a process group of its own,
        /// which a terminal's Ctrl-C does not reach) while the build compiles: the build
        /// stops with memgate, nothing is recorded, exit 130.
        @Test func interruptDuringTheBuildStopsIt() throws {
            let package = try TinyBenchFixture()
            let temporary = package.directory.file("tmp")
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            let process = Process()
            process.executableURL = MemGateProcess.executable
            process.arguments = ["run", "--update"]
            process.currentDirectoryURL = package.directory.url
            process.environment = ProcessInfo.processInfo.environment
                .merging(GitIsolation.environment) { $1 }.merging(["TMPDIR": temporary]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            RunningProcesses.expectStopsEverything(process, signal: SIGINT, mentioning: package.path)
            #expect(!FileManager.default.fileExists(atPath: package.directory.file("baselines/baseline.json")))
        }

        @Test func unknownFlagFailsBeforeBuilding() throws {
            let package = try TinyBenchFixture()
            let outcome = try MemGateProcess.run(["run", "--sample", "3"], in: package.directory.url)
            #expect(outcome.code == 2)
            #expect(outcome.stderr.contains("did you mean '--samples'"))
            let badValue = try MemGateProcess.run(["run", "--samples", "many", "--update"], in: package.directory.url)
            #expect(badValue.code == 2)
            #expect(badValue.stderr.contains("--samples"))
            for (flag, value) in [("--warmup", "x"), ("--filter", "(")] {
                let bad = try MemGateProcess.run(["run", flag, value, "--update"], in: package.directory.url)
                #expect(bad.code == 2 && bad.stderr.contains("memgate run: \(flag): '\(value)'"), "\(bad.stderr)")
            }
            // A damaged baseline is reported before the build, with the way out.
            try package.directory.write("baselines/baseline.json", #"{"format": "memgate-results", "schema": 1, "benchm"#)
            let damaged = try MemGateProcess.run(["run"], in: package.directory.url)
            #expect(damaged.code == 2)
            #expect(damaged.stderr.contains("baselines/baseline.json: at line 1, column 51: not valid JSON: "
                                            + "the file ends inside a string; it looks truncated"), "\(damaged.stderr)")
            #expect(damaged.stderr.contains("git checkout -- baselines/baseline.json"), "\(damaged.stderr)")
            #expect(!FileManager.default.fileExists(atPath: package.directory.file(".build")))
            // A misspelt executable: a suggestion and the targets there are (read from the
            // manifest, before any build).
            try FileManager.default.removeItem(atPath: package.directory.file("baselines/baseline.json"))
            let misspelt = try MemGateProcess.run(
                ["run", "--update", "--executable", "TinyBenchmark"], in: package.directory.url, timeout: 300)
            #expect(misspelt.code == 2)
            #expect(misspelt.stderr.contains("no executable target named 'TinyBenchmark' in . "
                                             + "(from --executable or \"executables\" in baselines/memgate.json): "
                                             + "did you mean 'TinyBenchmarks'? it has TinyBenchmarks"), "\(misspelt.stderr)")
        }
    }
}
