import Foundation
import GateCore

/// Lets child processes start until it is closed, and knows which of them still run, so an
/// interrupt handler can stop every child memgate started and none can start after it.
///
///     let pid = try gate.admit { try process.run(); return process.processIdentifier }
///     process.waitUntilExit()
///     gate.finished(pid)
///     let running = gate.close()   // after any start in progress; later admits throw
///
/// Closing waits for a start in progress, so the set it returns holds every child that
/// will ever run: without that, a child started between the handler's look and the
/// process's exit would be left running (a `swift build` orphaned into a folder being
/// deleted). It needs nothing from the operating system, so it works wherever Foundation's
/// `Process` does.
package final class LaunchGate: @unchecked Sendable {
    /// Thrown by `admit` once the gate is closed: the process is shutting down.
    package struct Closed: Error, CustomStringConvertible {
        package var description: String { "not starting a new process: memgate is being interrupted" }
    }

    private let lock = NSLock()
    private var closed = false
    private var running: Set<Int32> = []

    /// Creates an open gate with no process running.
    package init() {}

    /// Runs `start`, which starts a process and returns its id, unless the gate is closed;
    /// the id counts as running until `finished(_:)`. Starts are serialised; `close()` waits
    /// for one in progress.
    /// - Throws: `Closed` once the gate is closed (without running `start`); what `start`
    ///   throws.
    @discardableResult
    package func admit(_ start: () throws -> Int32) throws -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw Closed() }
        let pid = try start()
        running.insert(pid)
        return pid
    }

    /// Records that the process `pid` (from `admit`) has ended and been waited for.
    package func finished(_ pid: Int32) {
        lock.lock()
        running.remove(pid)
        lock.unlock()
    }

    /// Refuses every later `admit` and returns the processes running now, once no start is
    /// in progress. Idempotent.
    @discardableResult
    package func close() -> Set<Int32> {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        return running
    }

    /// The processes admitted and not yet `finished`.
    package var runningProcesses: Set<Int32> {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Whether `close()` has been called.
    package var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }
}
