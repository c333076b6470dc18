import BaseSystem
import CLISupport
import Foundation
import GateCore

/// Stops what memgate started, cleans up and exits when the process gets SIGINT (Ctrl-C)
/// or SIGTERM, so an interrupted `memgate run` or `memgate refs` leaves no build, compiler,
/// benchmark, worktree or temporary folder behind.
///
///     let interrupt = InterruptCleanup(command: "memgate refs", launches: context.launches,
///                                      done: "temporary worktrees and build folders removed") {
///         workspace.remove()
///     }
///     interrupt.install()
///     defer { interrupt.uninstall() }
///     interrupt.checkpoint()              // before reporting an error a killed child caused
///
/// On a signal (through `BaseSystem.InterruptHandler`, which exits with 128 + the signal
/// number: 130 for SIGINT, 143 for SIGTERM): it closes `launches`, which returns the
/// children running (a build, a benchmark; never a cleanup `git`) and lets no other start,
/// sends SIGINT to each child's process group, waits up to `childGracePeriod` for them to
/// end, runs `cleanup` once and says so on standard error.
///
/// Why groups, and why SIGINT whatever arrived: every child starts in a process group of
/// its own (`Subprocess`), so Ctrl-C in a terminal reaches memgate but not its children,
/// and neither does a SIGTERM from a CI runner cancelling the job. `swift build` stops its
/// compilers only on SIGINT; on SIGTERM it dies at once and leaves them running, and the
/// compiler `swift package` starts for the manifest ignores both signals' cancellation
/// (seen with Swift 6.3.1): signalling the whole group stops them all, instead of leaving
/// them writing into folders the cleanup is removing. Benchmark executables treat SIGINT
/// and SIGTERM alike.
package final class InterruptCleanup: Sendable {
    /// How long the children get to end after the forwarded signal before cleanup starts.
    package static let childGracePeriod: Double = 10

    private let handler: InterruptHandler

    /// Creates a handler that will stop the children that passed `launches`, run `cleanup`
    /// (once) on SIGINT or SIGTERM and then say `COMMAND: interrupted (SIGNAL); DONE` on
    /// standard error.
    package init(command: String, launches: LaunchGate, done: String? = nil, cleanup: @escaping @Sendable () -> Void = {}) {
        handler = InterruptHandler { signalNumber in
            // Closing the gate returns every child that will ever run (see `LaunchGate`).
            let children = launches.close()
            Self.stop(children, of: launches, signal: SIGINT, within: Self.childGracePeriod)
            cleanup()
            let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
            // On a terminal, first erase the progress line the main thread may have left.
            let erase = Terminal.isTTY(2) ? "\r\u{1B}[K" : ""
            _ = writeAll(Array("\(erase)\(command): interrupted (\(name))\(done.map { "; " + $0 } ?? "")\n".utf8), to: 2)
        }
    }

    /// Starts catching SIGINT and SIGTERM.
    package func install() { handler.install() }

    /// Stops handling signals (the command is done); later ones are dropped.
    package func uninstall() { handler.uninstall() }

    /// Returns at once unless a signal arrived; then never returns (the handler is cleaning
    /// up and will exit the process). Call it before reporting an error, which a killed
    /// child or the closed `LaunchGate` may have caused, and before leaving the command.
    package func checkpoint() { handler.checkpoint() }

    /// Sends `signal` to the process group each of `children` leads (to the child alone if
    /// it leads none), then waits until `gate` says none of them runs any more (the main
    /// thread waits for each and reports it finished) and their groups are empty, or
    /// `seconds` have passed.
    private static func stop(_ children: Set<Int32>, of gate: LaunchGate, signal: Int32, within seconds: Double) {
        for pid in children where kill(-pid, signal) != 0 {
            kill(pid, signal)
        }
        let deadline = Date().addingTimeInterval(seconds)
        while !gate.runningProcesses.isDisjoint(with: children) && Date() < deadline {
            usleep(20_000)
        }
        // The children are gone, but what they started in their groups (a build's compilers,
        // signalled too) can outlive them by seconds on a loaded machine and write into the
        // build folders the cleanup removes, recreating them: wait for the groups to empty
        // (`kill(-group, 0)` fails with ESRCH once no process is left in it).
        while children.contains(where: { kill(-$0, 0) == 0 }) && Date() < deadline {
            usleep(20_000)
        }
    }
}
