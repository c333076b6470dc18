import BenchResults
import Foundation
import Testing

/// Child-process isolation: crashes and hangs are reported, the others still run.
@Suite struct IsolationTests {
    @Test func crashAndHangAreReportedAndOthersStillRun() throws {
        let run = try FixtureRun.run([
            "--filter", "^(fail/|exact/empty$|custom/)", "--timeout", "3s", "--samples", "3", "--sample-time", "1ms",
        ])
        #expect(run.exitStatus == 1)
        let file = try #require(run.results)
        #expect(file.benchmarks.map(\.name) == [
            "exact/empty", "custom/report", "fail/crash", "fail/hang", "fail/break", "fail/no-loop", "fail/throws",
        ])
        #expect(file["exact/empty"]?.status == .ok)
        #expect(file["custom/report"]?.status == .ok)
        #expect(file["custom/report"]?.metrics["widgets"]?.samples == [7])
        #expect(file["custom/report"]?.metrics["widgets"]?.exact == true)
        let crash = try #require(file["fail/crash"])
        #expect(crash.status == .crashed)
        #expect(crash.message?.contains("SIGSEGV") == true)
        let hang = try #require(file["fail/hang"])
        #expect(hang.status == .timeout)
        #expect(file["fail/break"]?.status == .failed)
        #expect(file["fail/break"]?.message?.contains("left `for _ in b.loop`") == true)
        #expect(file["fail/no-loop"]?.status == .failed)
        #expect(file["fail/no-loop"]?.message?.contains("never ran") == true)
        #expect(file["fail/throws"]?.status == .failed)
        #expect(file["fail/throws"]?.message?.contains("Broken") == true)
        #expect(run.standardError.contains("5 of 7 benchmarks did not finish"))
    }

    /// Linux (6.2 and later) keeps RSS in per-CPU counters that are folded in batches of
    /// up to 32 pages per CPU, and VmHWM is taken from the folded value when memory is
    /// unmapped: it can read that much below the true peak (a C program touching 64 MiB
    /// reads VmRSS +65,536 KiB during the touch and VmHWM +65,452 KiB after munmap here).
    static let kernelRSSTolerance = Double(32 * 4_096 * ProcessInfo.processInfo.activeProcessorCount)
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
}
