import BenchResults
import Foundation
import GateCore
import Testing

extension TinyBenchPackageTests {
    /// `memgate calibrate` on TinyBench: the A/A report, `--write` merging into the user's
    /// config, and `memgate run` using what it wrote.
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct CalibrateEndToEndTests {
        @Test func calibratesWritesAConfigThatRunUses() throws {
            let package = try TinyBenchFixture()
            try package.directory.write(
                "baselines/memgate.json", #"{"executables": ["TinyBenchmarks"], "alpha": 0.02, "thresholds": {"bytes": "7%"}}"#)
            let fast = ["--samples", "3", "--sample-time", "2ms"]
            // The aligned build `memgate refs`'s tests keep (TinyBench's base side).
            let shared = ["--build-root", RefsFixtureRepository.buildRoot]

            let calibrated = try MemGateProcess.run(
                ["calibrate", "--rounds", "4", "--write"] + shared + fast, in: package.directory.url, timeout: 900)
            #expect(calibrated.code == 0, "\(calibrated.stdout)\n\(calibrated.stderr)")
            let out = calibrated.stdout
            #expect(out.contains("memgate calibrate: 2 benchmarks, 4 rounds per pool"), "\(out)")
            // Column widths follow the widest spread, which a loaded machine widens.
            #expect(out.contains(try Regex(#"\nspin +time +4\+4 +±"#)), "\(out)")
            #expect(out.contains("A/A check of these rounds"))
            #expect(out.contains("random splits of these rounds exit non-zero"))
            #expect(calibrated.stderr.contains("merged the recommendation into"))
            // The recommendation printed is valid configuration JSON.
            let printed = String(out[out.range(of: "Recommended configuration")!.upperBound...].drop { $0 != "{" })
            let advice = try GateConfig(json: Array(printed.utf8), path: "printed")
            #expect(advice.rounds != nil)

            // The written file keeps the user's keys and parses.
            let path = package.directory.file("baselines/memgate.json")
            let written = try GateConfig(json: Array(FileManager.default.contents(atPath: path)!), path: path)
            #expect(written.executables == ["TinyBenchmarks"])
            #expect(written.alpha == 0.02)
            #expect(written.thresholds["bytes"]?.text == "7%")
            #expect(written.rounds == advice.rounds)
            let time = try #require(written.thresholds["time"])
            #expect(time == advice.thresholds["time"])

            // memgate run reads it: the time threshold in its report is the one written.
            let record = try MemGateProcess.run(TinyBenchFixture.run(["--update", "--noisy", "report"] + fast),
                in: package.directory.url, timeout: 900)
            #expect(record.code == 0, "\(record.stderr)")
            let check = try MemGateProcess.run(
                TinyBenchFixture.run(["--noisy", "report", "--output", "verdict.json"] + fast), in: package.directory.url, timeout: 900)
            #expect(check.code == 0, "\(check.stderr)")
            let verdict = try #require(FileManager.default.contents(atPath: package.directory.file("verdict.json")))
            let report = try JSONSerialization.jsonObject(with: verdict) as! [String: Any]
            let spin = (report["benchmarks"] as! [[String: Any]]).first { $0["name"] as? String == "spin" }!
            let timeRow = (spin["metrics"] as! [[String: Any]]).first { $0["metric"] as? String == "time" }!
            #expect(timeRow["threshold"] as? String == time.text)

            // A second --write over a file it wrote merges again and stays valid.
            let again = try MemGateProcess.run(
                ["calibrate", "--rounds", "3", "--write", "--filter", "^spin$"] + shared + fast, in: package.directory.url, timeout: 900)
            #expect(again.code == 0, "\(again.stderr)")
            #expect(again.stdout.contains("memgate calibrate: 1 benchmark, 3 rounds per pool"))
            #expect((try? GateConfig(json: Array(FileManager.default.contents(atPath: path)!), path: path)) != nil)
        }

        @Test func badInputExitsTwoBeforeBuilding() throws {
            let package = try TinyBenchFixture()
            let rounds = try MemGateProcess.run(["calibrate", "--rounds", "1"], in: package.directory.url)
            #expect(rounds.code == 2)
            #expect(rounds.stderr.contains("--rounds"))
            try package.directory.write("baselines/memgate.json", "{ not json")
            let broken = try MemGateProcess.run(["calibrate"], in: package.directory.url)
            #expect(broken.code == 2)
            #expect(broken.stderr.contains("not valid JSON"), "\(broken.stderr)")
            #expect(broken.seconds < 10, "it failed fast, before any build")
            let flag = try MemGateProcess.run(["calibrate", "--bogus"], in: package.directory.url)
            #expect(flag.code == 2)
        }
    }
}
