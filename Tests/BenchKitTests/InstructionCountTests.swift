import BenchResults
import CSystemShims
import Testing

/// The instructions metric is reported only where the kernel exposes a hardware counter,
/// and then scales with the work; where it cannot count (no PMU in a VM, perf_event_paranoid
/// too high) it is absent, never zero.
@Suite struct InstructionCountTests {
    static var counterAvailable: Bool {
        let fd = memgate_instructions_open()
        defer { memgate_instructions_close(fd) }
        return fd >= 0
    }

    @Test func presentAndScalingWhereCountable_absentElsewhere() throws {
        let run = try FixtureRun.run(["--filter", "^exact/(empty|raw-k=3-s=48)$", "--samples", "3", "--sample-time", "1ms"])
        #expect(run.exitStatus == 0, "\(run.standardError)")
        let file = try #require(run.results)
        let empty = file["exact/empty"]?[.instructions]
        let raw = file["exact/raw-k=3-s=48"]?[.instructions]
        if Self.counterAvailable {
            let emptyPerOp = try #require(empty).median
            let rawPerOp = try #require(raw).median
            // The loop costs a few instructions per iteration; three malloc/free pairs, hundreds.
            #expect(emptyPerOp < 20, "\(emptyPerOp)")
            #expect(rawPerOp > 10 * max(emptyPerOp, 1), "\(rawPerOp)")
        } else {
            #expect(empty == nil)
            #expect(raw == nil)
        }
    }
}
