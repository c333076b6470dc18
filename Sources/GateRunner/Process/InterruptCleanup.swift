import CLISupport
import Dispatch
import Foundation
import GateCore

/// Stops what memgate started, cleans up and exits when the process gets SIGINT (Ctrl-C)
/// or SIGTERM, so an interrupted `memgate run` or `memgate refs` leaves no build, compiler,
/// benchmark, worktree or temporary folder behind.
///
///     let interrupt = InterruptCleanup(command: "memgate refs", done: "temporary worktrees and build folders removed") {
///         workspace.remove()
///     }
///     interrupt.install()
///     defer { interrupt.uninstall() }
///     interrupt.checkpoint()              // before reporting an error a killed child caused
///
/// On a signal, on a dispatch queue: it closes `Subprocess.launches`, which returns the
/// children running (a build, a benchmark; never a cleanup `git`) and lets no other start,
/// sends SIGINT to each child's process group, waits up to `childGracePeriod` for them to
/// end, runs `cleanup` once, says so on standard error, and exits with 128 + the signal
/// number (130 for SIGINT, 143 for SIGTERM).
///
/// Why groups, and why SIGINT whatever arrived: Foundation starts every child in a process
/// group of its own (on Linux and Darwin), so Ctrl-C in a terminal reaches memgate but not
/// its children, and neither does a SIGTERM from a CI runner cancelling the job. `swift
/// build` stops its compilers only on SIGINT; on SIGTERM it dies at once and leaves them
/// running, and the compiler `swift package` starts for the manifest ignores both signals'
/// cancellation (seen with Swift 6.3.1): signalling the whole group stops them all, instead
/// of leaving them writing into folders the cleanup is removing. Benchmark executables
/// treat SIGINT and SIGTERM alike.
///
/// Dispatch signal sources catch the signal with a handler rather than ignoring it, so the
/// children memgate starts get the default dispositions back at `exec` and stay
/// interruptible.
package final class InterruptCleanup: @unchecked Sendable {
    /// How long the children get to end after the forwarded signal before cleanup starts.
    package static let childGracePeriod: Double = 10

    private let command: String
    private let done: String?
    private let cleanup: () -> Void
    private let lock = NSLock()
    private var sources: [DispatchSourceSignal] = []
    private var received: Int32?

    /// Creates a handler that will run `cleanup` (once) on SIGINT or SIGTERM and then say
    /// `COMMAND: interrupted (SIGNAL); DONE` on standard error.
    package init(command: String, done: String? = nil, cleanup: @escaping () -> Void = {}) {
        self.command = command
        self.done = done
        self.cleanup = cleanup
    }

    /// Starts catching SIGINT and SIGTERM.
    package func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in handle(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops handling signals (the command is done). Signals that arrive afterwards are
    /// still caught by dispatch's handler and dropped; memgate is about to exit.
    package func uninstall() {
        for source in sources { source.cancel() }
        sources = []
    }

    /// The signal being handled, if one arrived.
    package var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Returns at once unless a signal arrived; then never returns (the handler is cleaning
    /// up and will exit the process). Call it before reporting an error, which a killed
    /// child or the closed `LaunchGate` may have caused, and before leaving the command.
    package func checkpoint() {
        guard signal != nil else { return }
        while true { sleep(60) }
    }

    private func handle(_ signalNumber: Int32) {
        lock.lock()
        let first = received == nil
        if first { received = signalNumber }
        lock.unlock()
        guard first else { return }
        // Closing the gate returns every child that will ever run (see `LaunchGate`).
        let children = Subprocess.launches.close()
        Self.stop(children, signal: SIGINT, within: Self.childGracePeriod)
        cleanup()
        let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
        // On a terminal, first erase the progress line the main thread may have left.
        let erase = Terminal.isTTY(2) ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data("\(erase)\(command): interrupted (\(name))\(done.map { "; " + $0 } ?? "")\n".utf8))
        exit(128 + signalNumber)
    }

    /// Sends `signal` to the process group each of `children` leads (to the child alone if
    /// it leads none), then waits until the gate says none of them runs any more (the main
    /// thread waits for each and reports it finished) or `seconds` have passed.
    private static func stop(_ children: Set<Int32>, signal: Int32, within seconds: Double) {
        for pid in children where kill(-pid, signal) != 0 {
            kill(pid, signal)
        }
        let deadline = Date().addingTimeInterval(seconds)
        while !Subprocess.launches.runningProcesses.isDisjoint(with: children) && Date() < deadline {
            usleep(20_000)
        }
    }
}
