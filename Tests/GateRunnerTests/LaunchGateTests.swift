import BaseSystem
import Dispatch
import Foundation
@testable import GateCore
@testable import GateRunner
import Testing

/// `LaunchGate`: what the interrupt handler relies on to find, and stop, every child.
@Suite struct LaunchGateTests {
    @Test func admittedProcessesRunUntilFinished() throws {
        let gate = LaunchGate()
        #expect(try gate.admit { 41 } == 41)
        try gate.admit { 42 }
        #expect(gate.runningProcesses == [41, 42])
        gate.finished(41)
        #expect(gate.runningProcesses == [42])
        #expect(gate.close() == [42])
        #expect(gate.isClosed)
    }

    @Test func closedGateRefusesWithoutRunningTheStart() {
        let gate = LaunchGate()
        gate.close()
        gate.close()  // idempotent
        var ran = false
        #expect(throws: LaunchGate.Closed.self) { try gate.admit { ran = true; return 1 } }
        #expect(!ran)
        #expect(gate.runningProcesses.isEmpty)
        #expect("\(LaunchGate.Closed())".contains("interrupted"))
    }

    @Test func aFailedStartIsNotRecorded() {
        struct Refused: Error {}
        let gate = LaunchGate()
        #expect(throws: Refused.self) { try gate.admit { throw Refused() } }
        #expect(gate.runningProcesses.isEmpty)
        #expect(throws: Never.self) { try gate.admit { 7 } }  // the lock was released
    }

    /// `close()` called while a start is in progress returns after that start, and includes
    /// its process: ordering, not timing, is asserted (the sleep only widens the window).
    @Test func closeWaitsForAStartInProgressAndReturnsIt() throws {
        let gate = LaunchGate()
        let entered = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        // A thread of its own, not a global queue's: those share the test runner's few threads.
        Thread {
            _ = try? gate.admit {
                entered.signal()
                usleep(50_000)
                return 99
            }
            finished.signal()
        }.start()
        entered.wait()
        #expect(gate.close() == [99], "close() returned while a start was still in progress")
        finished.wait()
    }

    /// A subprocess is recorded by its gate while it runs and released when it ended; a
    /// closed gate refuses it; a cleanup subprocess (no gate) starts anyway.
    @Test func subprocessesPassTheirGate() throws {
        let gate = LaunchGate()
        let seen = try Subprocess(executable: "sh", arguments: ["-c", "echo $$"], gate: gate).run()
        #expect(seen.succeeded)
        #expect(gate.runningProcesses.isEmpty)
        let closed = LaunchGate()
        closed.close()
        #expect(throws: LaunchGate.Closed.self) { try Subprocess(executable: "true", arguments: [], gate: closed).run() }
        #expect(try Subprocess(executable: "true", arguments: [], gate: nil).run().succeeded)
    }

    /// A thread of its own, not the shared Dispatch pool, so busy parallel tests cannot
    /// delay the start; the 3 s child gives polling every 5 ms no way to miss it.
    @Test func aRunningSubprocessIsKnownToItsGate() throws {
        let gate = LaunchGate()
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = try? Subprocess(executable: "sleep", arguments: ["3"], gate: gate).run()
            done.signal()
        }.start()
        var running: Set<Int32> = []
        for _ in 0..<2_000 where running.isEmpty {
            usleep(5_000)
            running = gate.runningProcesses
        }
        #expect(running.count == 1)
        done.wait()
        #expect(gate.runningProcesses.isEmpty)
    }

    /// A launcher gives every child its environment overrides (and `adding` stacks more on
    /// top); its cleanup form starts through a closed gate; a program not on PATH ends with
    /// 127, as in a shell, which `GitRepository` reads as "git is not installed".
    @Test func launchersCarryTheirGateAndEnvironment() throws {
        let gate = LaunchGate()
        let launcher = Launcher(gate: gate, environment: ["MEMGATE_A": "a", "MEMGATE_B": "b"])
        let seen = try launcher.adding(environment: ["MEMGATE_B": "B"]).run("sh", ["-c", "echo $MEMGATE_A$MEMGATE_B"])
        #expect(seen.output == "aB\n")
        gate.close()
        #expect(throws: LaunchGate.Closed.self) { try launcher.run("true", []) }
        #expect(try launcher.forCleanup.run("true", []).succeeded)
        let missing = try launcher.forCleanup.run("memgate-no-such-program", [])
        #expect(missing.status == 127)
        #expect(missing.errorOutput.contains("memgate-no-such-program"))
        // A missing working directory is an error of its own, not "command not found".
        #expect(throws: ChildProcess.StartFailure.self) { try launcher.forCleanup.run("true", [], directory: "/nonexistent/memgate-dir") }
    }
}
