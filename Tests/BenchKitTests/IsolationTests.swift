import BenchResults
import Foundation
import Testing

/// Child-process isolation: crashes and hangs are reported, the others still run.
@Suite struct IsolationTests {
    /// The hanging benchmark has a 2 s timeout of its own; the others keep the default 60 s,
    /// so a busy machine (a crash report takes a while to write) cannot time them out.
    @Test func crashAndHangAreReportedAndOthersStillRun() throws {
        let run = try FixtureRun.run([
            "--filter", "^(fail/|exact/empty$|custom/)", "--skip", "^fail/hang$", "--samples", "3", "--sample-time", "1ms",
        ])
        #expect(run.exitStatus == 1)
        let file = try #require(run.results)
        #expect(file.benchmarks.map(\.name) == [
            "exact/empty", "custom/report", "fail/crash", "fail/hang-timeout=2s", "fail/break", "fail/no-loop",
            "fail/report-in-loop", "fail/throws", "fail/bad-config",
        ])
        #expect(file["exact/empty"]?.status == .ok)
        #expect(file["custom/report"]?.status == .ok)
        #expect(file["custom/report"]?.metrics["widgets"]?.samples == [7])
        #expect(file["custom/report"]?.metrics["widgets"]?.exact == true)
        let crash = try #require(file["fail/crash"])
        #expect(crash.status == .crashed)
        #expect(crash.message?.contains("SIGSEGV") == true)
        let hang = try #require(file["fail/hang-timeout=2s"])
        #expect(hang.status == .timeout)
        #expect(hang.message == "killed after the 2.0 s timeout (set by the benchmark's configuration)", "\(hang.message ?? "")")
        #expect(file["fail/break"]?.status == .failed)
        #expect(file["fail/break"]?.message?.contains("left `for _ in b.loop`") == true)
        #expect(file["fail/no-loop"]?.status == .failed)
        #expect(file["fail/no-loop"]?.message?.contains("never ran") == true)
        #expect(file["fail/report-in-loop"]?.status == .failed)
        #expect(file["fail/report-in-loop"]?.message?.contains("call it after the loop") == true)
        #expect(file["fail/throws"]?.status == .failed)
        #expect(file["fail/throws"]?.message?.contains("Broken") == true)
        #expect(file["fail/bad-config"]?.status == .failed)
        #expect(file["fail/bad-config"]?.message?.contains("sampleTime must be positive") == true)
        #expect(run.standardError.contains("7 of 9 benchmarks did not finish"))
    }

    /// Linux (6.2 and later) keeps RSS in per-CPU counters that are folded in batches of
    /// up to max(32, 2 × CPUs) pages per CPU, and VmHWM is taken from the folded value when
    /// memory is unmapped: one reading can be that much below the truth (a C program
    /// touching 64 MiB reads VmRSS +65,536 KiB during the touch and VmHWM +65,452 KiB after
    /// munmap here). Growth is the difference of two readings, so it can be short by twice
    /// that (seen: 280 KiB short on 2 CPUs under heavy load; one reading's bound is 256 KiB).
    /// Capped at an eighth of what is touched, so the check keeps its meaning on machines
    /// with many CPUs.
    static let kernelRSSTolerance: Double = {
        let processors = ProcessInfo.processInfo.activeProcessorCount
        return min(Double(2 * max(32, 2 * processors) * 4_096 * processors), touched / 8)
    }()
    static let touched = Double(64 * 1_048_576)

    @Test func peakMemoryOfTouching64MiBIsSeen() throws {
        let run = try FixtureRun.run(["--filter", "^memory/touch-64MiB$", "--samples", "3", "--sample-time", "1ms"])
        #expect(run.exitStatus == 0, "\(run.standardError)")
        let benchmark = try #require(run.results?["memory/touch-64MiB"])
        let growth = try #require(benchmark[.rssGrowth]).samples
        let peak = try #require(benchmark[.peakRSS]).samples
        #expect(growth.allSatisfy { $0 >= Self.touched - Self.kernelRSSTolerance }, "\(growth)")
        // Growth beyond what was touched would be harness memory charged to the workload.
        #expect(growth.allSatisfy { $0 <= Self.touched + 1_048_576 }, "\(growth)")
        #expect(peak.allSatisfy { $0 >= Self.touched }, "\(peak)")
    }

    @Test func noIsolationRunsInProcessAndStillMeasuresMemory() throws {
        let run = try FixtureRun.run([
            "--filter", "^(memory/touch-64MiB|exact/raw-k=3-s=48)$", "--no-isolation", "--samples", "3", "--sample-time", "1ms",
        ])
        #expect(run.exitStatus == 0, "\(run.standardError)")
        let file = try #require(run.results)
        let growth = file["memory/touch-64MiB"]?[.rssGrowth]?.samples ?? []
        #expect(!growth.isEmpty && growth.allSatisfy { $0 >= Self.touched - Self.kernelRSSTolerance }, "\(growth)")
        #expect(file["exact/raw-k=3-s=48"]?[.allocs]?.samples.allSatisfy { $0 == 3 } == true)
    }

    @Test func unwritableTemporaryFolderIsAnErrorNotSilentlyInProcess() throws {
        let run = try FixtureRun.run(["--filter", "^exact/empty$"], environment: ["TMPDIR": "/nonexistent-memgate-dir"])
        #expect(run.exitStatus == 2)
        #expect(run.standardError.contains("cannot create a folder for benchmark reports in /nonexistent-memgate-dir"))
        #expect(run.results == nil)
    }

    /// A killed benchmark executable must not leave its child running (the parent enforces
    /// the timeout) nor its report folder behind. The parent is spawned and reaped with
    /// posix_spawn/waitpid: Foundation's `waitUntilExit` would wait for a surviving child too.
    @Test func killingTheParentKillsTheChildAndRemovesTheReportFolder() throws {
        // A temporary folder of its own: tests running in parallel create and remove their
        // own report folders in the shared one, so a before/after listing of it would race.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("isolation-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
            .map { "\($0.key)=\($0.value)" }
        let executable = FixtureRun.productsDirectory.appendingPathComponent("FixtureBenchmarks").path
        let arguments = [executable, "--filter", "^fail/hang$", "--timeout", "300s", "--quiet", "--output", "/dev/null"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var parent = pid_t()
        #expect(posix_spawn(&parent, executable, &actions, nil, argv, envp) == 0)
        var child: Int32?
        for _ in 0..<200 where child == nil {
            usleep(25_000)
            // The benchmark's process, not the `git` the parent runs for its environment.
            child = Self.children(of: parent).first { pid in
                let arguments = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
                return String(decoding: arguments, as: UTF8.self).contains("--benchkit-child")
            }
        }
        let spawned = try #require(child, "the benchmark's child process never appeared")
        kill(parent, SIGTERM)
        var status: Int32 = 0
        while waitpid(parent, &status, 0) < 0 && errno == EINTR {}
        #expect((status >> 8) & 0xff == 128 + SIGTERM, "parent status \(status)")
        var alive = true
        for _ in 0..<100 where alive {
            usleep(20_000)
            alive = kill(spawned, 0) == 0 && !Self.isZombie(spawned)
        }
        #expect(!alive, "child \(spawned) outlived its parent")
        if alive { kill(spawned, SIGKILL) }  // Never leave a hung process behind, even when failing.
        let leftBehind = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(leftBehind.isEmpty, "left behind in \(temporary): \(leftBehind)")
    }

    /// Processes whose parent is `pid`, from /proc.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == pid
        }
    }

    static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }
}
