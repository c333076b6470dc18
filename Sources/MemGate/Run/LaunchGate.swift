import Foundation

/// Lets child processes start until it is closed, and makes closing wait for any start in
/// progress, so whoever closes it sees every child that will ever exist.
///
///     try gate.admit { try process.run() }   // throws LaunchGate.Closed once closed
///     gate.close()                           // returns after any admitted start finished
///
/// An interrupt handler closes the gate and then signals the children it finds: without
/// the gate, a child started between the handler's look and the process's exit would be
/// left running (a `swift build` orphaned into a folder being deleted).
final class LaunchGate: @unchecked Sendable {
    /// Thrown by `admit` once the gate is closed: the process is shutting down.
    struct Closed: Error, CustomStringConvertible {
        var description: String { "not starting a new process: memgate is being interrupted" }
    }

    private let lock = NSLock()
    private var closed = false

    /// Creates an open gate.
    init() {}

    /// Runs `start` (which should start a process and return once it exists) unless the gate
    /// is closed. Starts are serialised; `close()` waits for one in progress.
    func admit<T>(_ start: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw Closed() }
        return try start()
    }

    /// Refuses every later `admit`; returns once no start is in progress. Idempotent.
    func close() {
        lock.lock()
        closed = true
        lock.unlock()
    }

    /// Whether `close()` has been called.
    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }
}
