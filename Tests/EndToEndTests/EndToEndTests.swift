import BenchResults
import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs the built `memgate` on temporary files and checks exit codes and outputs.
@Suite struct EndToEndTests {
    static let steady: [Double] = [100, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3]

    static func results(
        allocs: Double = 3, timeFactor: Double = 1, timeSamples: [Double] = steady, names: [String] = ["json/encode", "sort/n=1000"],
        failing: String? = nil
    ) -> ResultsFile {
        var benchmarks = names.map { name in
            Fixture.benchmark(name, [
                "time": Fixture.time(timeSamples.map { $0 * timeFactor }),
                "allocs": Fixture.allocs(Array(repeating: allocs, count: timeSamples.count)),
                "bytes": Fixture.bytes(Array(repeating: 256, count: timeSamples.count)),
            ])
        }
        if let failing { benchmarks.append(Fixture.benchmark(failing, [:], status: .crashed, message: "signal 11")) }
        return Fixture.file(benchmarks)
    }

    @Test func executableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: MemGateProcess.executable.path),
                "memgate not found at \(MemGateProcess.executable.path)")
    }

    /// More than a pipe's buffer (64 KiB) on stderr: `MemGateProcess.run` must drain stderr
    /// while it reads stdout, or the child blocks until the timeout kills it.
    @Test func longStandardErrorIsCollectedWhole() throws {
        let name = String(repeating: "x", count: 100_000)
        let run = try MemGateProcess.run(["help", name], timeout: 20)
        #expect(run.code == 2)
        #expect(run.stderr == "memgate: unknown command '\(name)'\nRun 'memgate --help' for usage.\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func passExitsZero() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(timeFactor: 1.01))
        let run = try MemGateProcess.run(["check", base, new], in: dir.url)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("PASS: "))
        #expect(run.stderr.isEmpty)
        #expect(!run.stdout.contains("\u{1B}"))  // a pipe is not a terminal
    }

    @Test func regressionExitsOne() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(allocs: 4))
        let run = try MemGateProcess.run(["check", base, new], in: dir.url)
        #expect(run.code == 1)
        #expect(run.stdout.contains("REGRESSED"))
        #expect(run.stdout.contains("FAIL: 2 regressions"))
        // compare reports the same, exit 0.
        let compare = try MemGateProcess.run(["compare", base, new], in: dir.url)
        #expect(compare.code == 0)
        #expect(compare.stdout.contains("REGRESSED"))
    }

    @Test func failedBenchmarkInCurrentExitsOne() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(failing: "json/crash"))
        let run = try MemGateProcess.run(["check", base, new], in: dir.url)
        #expect(run.code == 1)
        #expect(run.stdout.contains("FAILED   json/crash: crashed: signal 11"))
    }

    @Test func inconclusiveExitsThreeUnlessMapped() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results(timeSamples: [100, 101, 99]))
        let new = try dir.write("new.json", Self.results(timeFactor: 1.2, timeSamples: [100, 101, 99]))
        // Time is only gated against a stored baseline on request (the built-in default reports it).
        let run = try MemGateProcess.run(["check", "--noisy", "gate", base, new], in: dir.url)
        #expect(run.code == 3, "\(run.stdout)")
        #expect(run.stdout.contains("inconclusive"))
        #expect(run.stdout.contains("samples per side"))
        #expect(try MemGateProcess.run(["check", "--noisy", "gate", "--inconclusive", "pass", base, new], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["check", "--noisy", "gate", "--inconclusive", "fail", base, new], in: dir.url).code == 1)
        try dir.write("baselines/memgate.json", #"{"inconclusive": "fail", "noisy": "gate"}"#)
        #expect(try MemGateProcess.run(["check", base, new], in: dir.url).code == 1)
        #expect(try MemGateProcess.run(["check", "--inconclusive", "pass", base, new], in: dir.url).code == 0)
    }

    @Test func thresholdsFromCommandLineAndConfig() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(allocs: 4))
        #expect(try MemGateProcess.run(["check", "--threshold", "allocs=+1", base, new], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["check", "--threshold", "allocs=off", base, new], in: dir.url).code == 0)
        try dir.write("cfg.json", #"{"benchmarks": [{"match": "json/*", "thresholds": {"allocs": "+5"}}, "#
            + #"{"match": "sort/*", "thresholds": {"allocs": "50%"}}]}"#)
        #expect(try MemGateProcess.run(["check", "--config", "cfg.json", base, new], in: dir.url).code == 0)
        #expect(try MemGateProcess.run(["check", "--config", "cfg.json", "--threshold", "allocs=+0", base, new], in: dir.url).code == 1)
        // A metric name in the config that exists nowhere is a note (a shared config may name
        // another executable's custom metric), never silently ignored.
        try dir.write("typo.json", #"{"thresholds": {"alocs": "+1"}, "#
            + #""benchmarks": [{"match": "*", "thresholds": {"bytes": "off", "widgts": "+1"}}], "noisy": {"peakRSs": "gate"}}"#)
        let typo = try MemGateProcess.run(["check", "--config", "typo.json", base, new], in: dir.url)
        #expect(typo.code == 1)  // allocs keeps its default +0
        #expect(typo.stderr.contains("memgate: note: typo.json: thresholds.alocs: no metric named 'alocs' in either file, "
                                     + "so this setting applies to nothing (a typo?"), "\(typo.stderr)")
        #expect(typo.stderr.contains("typo.json: benchmarks[0].thresholds.widgts: no metric named 'widgts'"), "\(typo.stderr)")
        #expect(typo.stderr.contains("typo.json: noisy.peakRSs: no metric named 'peakRSs'"), "\(typo.stderr)")
        #expect(!typo.stderr.contains("'bytes'"))
        let clean = try MemGateProcess.run(["check", "--config", "cfg.json", base, new], in: dir.url)
        #expect(!clean.stderr.contains("note:"), "\(clean.stderr)")
        // A per-benchmark glob that matches nothing is a typo until shown otherwise.
        try dir.write("glob.json", #"{"benchmarks": [{"match": "json/*", "thresholds": {"allocs": "+5"}}, "#
            + #"{"match": "srot/*", "thresholds": {"allocs": "+5"}}]}"#)
        let glob = try MemGateProcess.run(["check", "--config", "glob.json", base, new], in: dir.url)
        #expect(glob.code == 1)  // sort/n=1000 keeps allocs +0
        #expect(glob.stderr.contains(#"memgate: note: glob.json: benchmarks[1].match: "srot/*" matches no benchmark in either file, "#
                                     + #"so its thresholds apply to nothing"#), "\(glob.stderr)")
        #expect(!glob.stderr.contains("benchmarks[0]"), "\(glob.stderr)")
    }

    @Test func fingerprintMismatchIsExplained() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        var slow = Self.results(timeFactor: 2)
        slow.environment.cpuModel = "Other CPU"
        slow.environment.buildConfiguration = "debug"
        let new = try dir.write("new.json", slow)
        let run = try MemGateProcess.run(["check", "--all", base, new], in: dir.url)
        #expect(run.code == 0)
        #expect(run.stdout.contains("environments differ (cpuModel, buildConfiguration)"))
        #expect(run.stdout.contains("WARNING: DEBUG BUILD: the current results come from a debug build"))
        #expect(run.stdout.contains("not gated"))
        let noisyReport = try MemGateProcess.run(
            ["check", "--noisy", "report", base, try dir.write("n.json", Self.results(timeFactor: 2))], in: dir.url)
        #expect(noisyReport.code == 0)
        #expect(noisyReport.stdout.contains("noisy metrics set to report (--noisy or the config's \"noisy\")"))
    }

    @Test func perMetricNoisyPolicyFromConfigAndItsOverride() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let slow = try dir.write("slow.json", Self.results(timeFactor: 2))
        try dir.write("baselines/memgate.json", #"{"noisy": {"*": "report", "peakRSS": "gate"}}"#)
        let reported = try MemGateProcess.run(["check", base, slow], in: dir.url)
        #expect(reported.code == 0, "\(reported.stdout)")
        // Neither file has peakRSS: nothing noisy was gated, and the report says so.
        #expect(reported.stdout.contains("noisy metrics set to report"), "\(reported.stdout)")
        let json = try MemGateProcess.run(["check", "--format", "json", base, slow], in: dir.url)
        #expect(json.stdout.contains(#""noisyGated": false"#), "\(json.stdout)")
        try dir.write("baselines/memgate.json", #"{"noisy": {"*": "gate", "time": "report"}}"#)
        #expect(try MemGateProcess.run(["check", base, slow], in: dir.url).code == 0)
        // --noisy replaces the config's whole policy, exceptions included.
        let gated = try MemGateProcess.run(["check", "--noisy", "gate", base, slow], in: dir.url)
        #expect(gated.code == 1, "\(gated.stdout)")
        #expect(gated.stdout.contains("time"))
        // A custom exact metric is always gated: naming it under "noisy" gets a note.
        var custom = Self.results()
        custom.benchmarks[0].metrics["documentSize"] = Fixture.bytes([10, 10])
        let withCustom = try dir.write("custom.json", custom)
        try dir.write("baselines/memgate.json", #"{"noisy": {"documentSize": "report"}}"#)
        let note = try MemGateProcess.run(["check", withCustom, withCustom], in: dir.url)
        #expect(note.code == 0)
        #expect(note.stderr.contains("noisy.documentSize: 'documentSize' is an exact metric, always gated by its threshold, "
                                     + "so this setting has no effect"), "\(note.stderr)")
    }

    @Test func severalOutputsAtOnce() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(allocs: 4))
        let summary = try dir.write("summary.md", "previous step\n")
        let run = try MemGateProcess.run(
            ["check", "--format", "github", "--output", "out/report.md", "--output", "junit:out/junit.txt", "--output", "out/verdict.json",
             "--output", "out/report.xml", "--output", "out/report.txt", base, new],
            in: dir.url, environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(run.code == 1)
        #expect(run.stdout.hasPrefix("::notice title=memgate%3A noisy metrics not gated::time reported, not gated"), "\(run.stdout)")
        #expect(run.stdout.contains("\n::error title=memgate%3A json/encode allocs::"))
        #expect(dir.read("out/report.md")?.hasPrefix("### ❌ memgate check: FAIL") == true)
        #expect(dir.read("out/junit.txt")?.hasPrefix("<?xml") == true)
        #expect(dir.read("out/report.xml")?.contains("<failure") == true)
        #expect(dir.read("out/verdict.json")?.contains("\"exitCode\": 1") == true)
        #expect(dir.read("out/report.txt")?.contains("REGRESSED") == true)
        let appended = dir.read("summary.md") ?? ""
        #expect(appended.hasPrefix("previous step\n### ❌ memgate check"))
    }

    @Test func colourOnlyWhenAllowed() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(allocs: 4))
        let forced = try MemGateProcess.run(["check", base, new], in: dir.url, environment: ["FORCE_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}["))
        let noColor = try MemGateProcess.run(["check", base, new], in: dir.url, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}"))
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`) the table is coloured,
    /// unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnATerminalOnly() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.results())
        let new = try dir.write("new.json", Self.results(allocs: 4))
        func onTerminal(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qc", "'\(MemGateProcess.executable.path)' check '\(base)' '\(new)'", "/dev/null"]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = nil
            env["FORCE_COLOR"] = nil
            env["TERM"] = "xterm"
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal([:])
        #expect(coloured.contains("REGRESSED"))
        #expect(coloured.contains("\u{1B}[1;31mREGRESSED\u{1B}[0m"))
        let plain = try onTerminal(["NO_COLOR": "1"])
        #expect(plain.contains("REGRESSED"))
        #expect(!plain.contains("\u{1B}"))
    }
}
