import BenchResults
import Foundation
import Testing
import TestSupport

/// Issue 21, items 6 and 9, through the built `memgate`: no crash on any finite value, an
/// alpha the statistics cannot use refused, regexes matched in linear time, debug builds
/// flagged in every spelling, a check that gates nothing refused, names' control characters
/// escaped in GitHub annotations, and a failed write to standard output not passing.
@Suite struct FailClosedInputEndToEndTests {
    static let samples = [100.0, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3]

    /// One benchmark with allocs, time and a custom metric, each sample times `factor`
    /// (allocs), or set to `huge` (custom).
    static func file(name: String = "a", allocs: Double, custom: Double, build: String? = "release") -> ResultsFile {
        let metrics = [
            "allocs": Fixture.allocs(Array(repeating: allocs, count: samples.count)),
            "time": Fixture.time(samples),
            "widgets": Metric(unit: MetricUnit("widgets/op"), better: .lower, exact: false, samples: samples.map { $0 * custom }),
        ]
        var environment = Fixture.environment
        environment.buildConfiguration = build
        return Fixture.file([Fixture.benchmark(name, metrics)], environment: environment)
    }

    @Test func hugeFiniteValuesRenderInEveryFormatWithoutACrash() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.file(allocs: 3, custom: 1))
        let big = try dir.write("big.json", Self.file(allocs: 1e28, custom: 1e306))
        let negative = try dir.write("negative.json", Self.file(allocs: 1e300, custom: -1e306))
        var runs: [[String]] = [["show", big], ["show", negative], ["check", big, big], ["check", big, base]]
        for format in ["text", "markdown", "json", "junit", "github"] {
            runs.append(["check", base, big, "--format", format, "--all"])
            runs.append(["check", base, negative, "--format", format])
        }
        runs.append(["check", base, big, "--output", "html:r.html"])
        for arguments in runs {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect([0, 1, 3].contains(run.code), "\(arguments): exit \(run.code)\n\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("crashed"), "\(arguments): \(run.stderr)")
        }
        let shown = try MemGateProcess.run(["show", big], in: dir.url)
        #expect(shown.stdout.contains("1.00e19 G allocs/op"), "\(shown.stdout)")
    }

    @Test func anAlphaTooSmallForTheStatisticsIsRefusedInTheConfigLikeTheFlag() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.file(allocs: 3, custom: 1))
        try dir.write("tiny.json", #"{"alpha": 1e-16}"#)
        let config = try MemGateProcess.run(["check", "--config", "tiny.json", base, base], in: dir.url)
        #expect(config.code == 2 && config.stderr.contains("tiny.json: at alpha: 1e-16 is not in [1e-12, 0.5]"), "\(config.stderr)")
        let flag = try MemGateProcess.run(["check", "--alpha", "1e-16", base, base], in: dir.url)
        #expect(flag.code == 2 && flag.stderr.contains("--alpha"), "\(flag.stderr)")
    }

    @Test func catastrophicFilterPatternsFinishQuicklyOrAreRefused() throws {
        let dir = try TemporaryDirectory()
        let name = String(repeating: "a", count: 40) + "!"
        let both = Self.file(name: name, allocs: 3, custom: 1).benchmarks + Self.file(name: "b", allocs: 3, custom: 1).benchmarks
        let results = try dir.write("r.json", Fixture.file(both))
        let append = try MemGateProcess.run(["history", "append", results, "--file", "h.jsonl", "--commit", "abc"], in: dir.url)
        try #require(append.code == 0, "\(append.stderr)")
        // (a+)+$ backtracks exponentially on 40 a's and a '!' (> 15 s at 20 a's before); ^b$
        // selects the other benchmark, so each flag leaves one to show.
        for flag in ["--filter", "--skip"] {
            let run = try MemGateProcess.run(["history", "show", "h.jsonl", flag, "(a+)+$|^b$"], in: dir.url, timeout: 60)
            #expect(run.code == 0, "\(flag): \(run.stderr)")
            #expect(run.seconds < 10, "\(flag): \(run.seconds) s")
        }
        let shown = try MemGateProcess.run(["history", "show", "h.jsonl", "--filter", "^a{40}!$"], in: dir.url)
        #expect(shown.code == 0 && shown.stdout.contains(name), "\(shown.stdout)\(shown.stderr)")
        let backreference = try MemGateProcess.run(["history", "show", "h.jsonl", "--filter", #"(a)\1"#], in: dir.url)
        #expect(backreference.code == 2 && backreference.stderr.contains("backreferences are not supported"), "\(backreference.stderr)")
    }

    @Test func debugBuildsAreFlaggedInAnyCaseAndWhenRecorded() throws {
        let dir = try TemporaryDirectory()
        let debug = try dir.write("debug.json", Self.file(allocs: 3, custom: 1, build: "Debug"))
        let shown = try MemGateProcess.run(["show", debug], in: dir.url)
        #expect(shown.stdout.contains("WARNING: DEBUG BUILD"), "\(shown.stdout)")
        let checked = try MemGateProcess.run(["check", debug, debug], in: dir.url)
        #expect((checked.stdout + checked.stderr).lowercased().contains("debug"), "\(checked.stdout)")
        let updated = try MemGateProcess.run(["update", debug, "--baseline", "bl.json"], in: dir.url)
        #expect(updated.code == 0, "\(updated.stderr)")
        #expect(updated.stderr.contains("WARNING") && updated.stderr.contains("DEBUG build"), "\(updated.stderr)")
        let release = try dir.write("release.json", Self.file(allocs: 3, custom: 1))
        let quiet = try MemGateProcess.run(["update", release, "--baseline", "bl2.json"], in: dir.url)
        #expect(quiet.code == 0 && !quiet.stderr.contains("DEBUG"), "\(quiet.stderr)")
    }

    @Test func aCheckThatGatesNothingIsAnInputErrorNamingTheConfig() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.file(allocs: 3, custom: 1))
        let worse = try dir.write("worse.json", Self.file(allocs: 300, custom: 1))
        try dir.write("off.json", #"{"thresholds": {"allocs": "off"}, "noisy": "report"}"#)
        let run = try MemGateProcess.run(["check", "--config", "off.json", "--output", "r.json", base, worse], in: dir.url)
        #expect(run.code == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("nothing is gated") && run.stderr.contains("off.json"), "\(run.stderr)")
        #expect(run.stdout.isEmpty && dir.read("r.json") == nil)
        // compare gates nothing by design; and with allocs gated again, the check fails as it should.
        #expect(try MemGateProcess.run(["compare", "--config", "off.json", base, worse], in: dir.url).code == 0)
        try dir.write("some.json", #"{"noisy": "report"}"#)
        #expect(try MemGateProcess.run(["check", "--config", "some.json", base, worse], in: dir.url).code == 1)
    }

    @Test func githubAnnotationsCarryNoRawControlCharacters() throws {
        let dir = try TemporaryDirectory()
        let name = "evil\u{1B}]0;pwned\u{07}\u{1B}[31m/x"
        let base = try dir.write("base.json", Self.file(name: name, allocs: 3, custom: 1))
        let worse = try dir.write("worse.json", Self.file(name: name, allocs: 300, custom: 1))
        let run = try MemGateProcess.run(["check", "--format", "github", base, worse], in: dir.url)
        #expect(run.code == 1, "\(run.stderr)")
        #expect(run.stdout.contains("::error"), "\(run.stdout)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run.stdout.debugDescription)")
        #expect(run.stdout.contains(#"evil\u{1B}]0;pwned\u{7}"#), "\(run.stdout.debugDescription)")
    }

    @Test func aFailedWriteToStandardOutputExitsTwo() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", Self.file(allocs: 3, custom: 1))
        for arguments in [["show", base], ["check", base, base], ["--help"]] {
            let process = Process()
            process.executableURL = MemGateProcess.executable
            process.arguments = arguments
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(arguments): \(stderr)")
            #expect(stderr.contains("cannot write to standard output: No space left on device"), "\(arguments): \(stderr)")
        }
    }
}
