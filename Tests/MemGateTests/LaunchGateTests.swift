import Dispatch
import Foundation
import Testing
@testable import MemGate

/// `LaunchGate`: what the interrupt handler relies on to see every child process.
@Suite struct LaunchGateTests {
    @Test func openGateRunsTheStartAndReturnsItsValue() throws {
        let gate = LaunchGate()
        #expect(try gate.admit { 42 } == 42)
        #expect(!gate.isClosed)
    }

    @Test func closedGateRefusesWithoutRunningTheStart() {
        let gate = LaunchGate()
        gate.close()
        gate.close()  // idempotent
        var ran = false
        #expect(throws: LaunchGate.Closed.self) { try gate.admit { ran = true } }
        #expect(!ran)
        #expect(gate.isClosed)
        #expect("\(LaunchGate.Closed())".contains("interrupted"))
    }

    @Test func errorsOfTheStartPassThrough() {
        struct Refused: Error {}
        let gate = LaunchGate()
        #expect(throws: Refused.self) { try gate.admit { throw Refused() } }
        #expect(throws: Never.self) { try gate.admit {} }  // the lock was released
    }

    /// `close()` called while a start is in progress returns only after that start
    /// finished: ordering, not timing, is asserted (the sleep only widens the window).
    @Test func closeWaitsForAStartInProgress() throws {
        let gate = LaunchGate()
        let entered = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let started = Flag()
        DispatchQueue.global().async {
            _ = try? gate.admit {
                entered.signal()
                usleep(50_000)
                started.set()
            }
            finished.signal()
        }
        entered.wait()
        gate.close()
        #expect(started.isSet, "close() returned while a start was still in progress")
        finished.wait()
    }

    /// Every subprocess start in memgate goes through the shared gate.
    @Test func subprocessesUseTheSharedGate() throws {
        #expect(!Subprocess.launches.isClosed)
        let outcome = try Subprocess(executable: "true", arguments: []).run()
        #expect(outcome.succeeded)
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}
