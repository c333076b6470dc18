import CLISupport
import GateCore

extension InterruptCleanup {
    /// Runs the long, interruptible part of a command (builds and benchmark runs, with this
    /// cleanup installed) and then ends it: the progress line erased, `workspace` removed
    /// while a signal could still be waiting for it, then signals no longer handled, so what
    /// follows (writing reports: milliseconds) cannot be cut short and leave an atomic
    /// write's temporary file behind.
    ///
    /// - Throws: whatever `body` throws, as a `CommandError`, once a signal that caused it
    ///   has been handled (an error a killed child caused is never reported).
    package func runLongPart<T>(progress: ProgressLine, workspace: RefsWorkspace, _ body: () throws -> T) throws -> T {
        let value: T
        do { value = try body() } catch {
            progress.finish()
            checkpoint()
            throw CommandError(error)
        }
        progress.finish()
        workspace.remove()
        uninstall()
        checkpoint()  // a signal that came before is being handled: wait
        return value
    }
}
