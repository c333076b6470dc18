import CLISupport
import Foundation
import GateCore

/// The process work of one long command (`run`, `refs`, `calibrate`, `init`) in one place:
/// the launcher, the interrupt cleanup, a temporary workspace, the progress line and the end
/// of the long part.
///
///     let verdictInputs = try GateSession.run("memgate refs", launches: context.launches,
///                                             done: "temporary worktrees and build folders removed",
///                                             workspace: { try Workspace(repository: repository, buildRoot: nil) }) { session in
///         session.status("building ...")         // "memgate refs: building ..." on a terminal
///         return try build(..., launcher: session.launcher, workspace: session.workspace)
///     }
///     // Here the progress line is erased, the workspace removed, and signals are no longer
///     // handled: writing the reports (milliseconds) cannot be cut short.
///
/// Guarantees:
/// - During `longPart`, SIGINT or SIGTERM stops every child started through `launcher` (their
///   process groups), removes the workspace, says `COMMAND: interrupted (SIGNAL); DONE` on
///   standard error and exits 130 or 143 (`InterruptCleanup`).
/// - On return and on a thrown error alike, the progress line is erased and the workspace
///   removed, and a signal that arrived is handled before anything else happens, so an error
///   a killed child caused is never reported.
/// - Errors pass through unchanged.
package final class GateSession {
    /// The command's name as the user sees it (`memgate run`), the prefix of every status.
    package let command: String
    /// Starts every child of the long part through the command's launch gate.
    package let launcher: Launcher
    /// The temporary folder of this command's run, removed when the session ends.
    package let workspace: Workspace
    /// The one-line status on standard error (shown only on a terminal).
    package let progress: ProgressLine

    private init(command: String, launcher: Launcher, workspace: Workspace, progress: ProgressLine) {
        self.command = command
        self.launcher = launcher
        self.workspace = workspace
        self.progress = progress
    }

    /// Shows `text` as the progress line, after the command's name.
    package func status(_ text: String) { progress.update("\(command): \(text)") }

    /// Runs `longPart` inside a session and ends it (see the type's guarantees).
    ///
    /// - Parameters:
    ///   - command: the command's name (`memgate run`).
    ///   - launches: the gate every child passes, which an interrupt closes.
    ///   - done: what the interrupt message says was cleaned up.
    ///   - showsProgress: whether a progress line is wanted (it appears only on a terminal).
    ///   - workspace: makes the temporary workspace; its error is reported as a `CommandError`.
    /// - Returns: what `longPart` returned, and whether the progress line was shown (when it
    ///   was not, commands print one summary line instead).
    package static func run<T>(
        _ command: String, launches: LaunchGate, done: String, showsProgress: Bool = true,
        workspace makeWorkspace: () throws -> Workspace, _ longPart: (GateSession) throws -> T
    ) throws -> (value: T, progressShown: Bool) {
        let workspace: Workspace
        do { workspace = try makeWorkspace() } catch { throw CommandError(error) }
        let interrupt = InterruptCleanup(command: command, launches: launches, done: done) { workspace.remove() }
        let session = GateSession(command: command, launcher: Launcher(gate: launches), workspace: workspace,
                                  progress: ProgressLine(enabled: showsProgress))
        interrupt.install()
        defer {
            session.progress.finish()
            interrupt.checkpoint()  // a signal that came is being handled: wait for its exit
            workspace.remove()
            interrupt.uninstall()
        }
        let value = try longPart(session)
        session.progress.finish()
        workspace.remove()
        // The long part is over: later signals are dropped, so writing the reports and files
        // (milliseconds) is never cut short and leaves no atomic write's temporary file behind.
        interrupt.uninstall()
        interrupt.checkpoint()
        return (value, session.progress.isEnabled)
    }
}
