import BaseSystem
import Foundation
import GateCore

/// Runs a program with arguments (never through a shell) and waits for it.
///
/// Standard output is captured when asked; standard error is captured or passed through
/// to ours. The environment is inherited, with overrides. Every start but cleanup passes a
/// `LaunchGate`, which an interrupt handler closes to stop the children. Made by `Launcher`.
package struct Subprocess {
    /// What a finished process left behind.
    package struct Outcome {
        /// The exit status, or 128 + signal when it was killed by a signal.
        package var status: Int32
        package var output: String
        package var errorOutput: String
        package var succeeded: Bool { status == 0 }
    }

    /// The program: a path, or a name looked up on PATH.
    package var executable: String
    /// Its arguments (never through a shell).
    package var arguments: [String]
    /// Its working directory; nil for ours.
    package var directory: String?
    /// Whether standard error is captured (true) or passed through to ours.
    package var captureError = true
    /// Environment overrides on top of ours.
    package var environment: [String: String] = [:]
    /// The gate this start passes and that knows while it runs (see `InterruptCleanup`);
    /// nil for a process that undoes what memgate created (removing a worktree), which must
    /// start even while memgate is being interrupted and is never signalled.
    package var gate: LaunchGate?

    /// A process to start with `run()` (see the properties).
    package init(
        executable: String, arguments: [String], directory: String? = nil, captureError: Bool = true,
        environment: [String: String] = [:], gate: LaunchGate?
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.captureError = captureError
        self.environment = environment
        self.gate = gate
    }

    /// Runs the program; `executable` without a slash is looked up on PATH (one that is not
    /// there ends with status 127, as in a shell).
    /// - Throws: `LaunchGate.Closed` when `gate` is closed; `ChildProcess.StartFailure`
    ///   when the program cannot be started.
    package func run() throws -> Outcome {
        let directoryExists = directory.map { FileManager.default.fileExists(atPath: $0) } ?? true
        // Every child leads a process group of its own, so that a terminal's Ctrl-C reaches
        // memgate only and `InterruptCleanup` can stop each child with all it started.
        let child = ChildProcess(
            executable: executable, arguments: arguments, directory: directory,
            environment: environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(environment) { $1 },
            input: .discarded, output: .captured, error: captureError ? .captured : .inherited, ownProcessGroup: true
        )
        let running: ChildProcess.Running
        do {
            if let gate {
                var started: ChildProcess.Running?
                try gate.admit { started = try child.start(); return started!.pid }
                running = started!
            } else {
                running = try child.start()
            }
        } catch let failure as ChildProcess.StartFailure
            where failure.code == ENOENT && !executable.contains("/") && directoryExists {
            return Outcome(status: 127, output: "", errorOutput: "\(executable): command not found\n")
        }
        let finished = running.finish()
        gate?.finished(running.pid)
        return Outcome(status: finished.termination.shellStatus, output: String(decoding: finished.output, as: UTF8.self),
                       errorOutput: String(decoding: finished.error, as: UTF8.self))
    }
}

extension String {
    /// The last `count` lines, for showing the end of a long build log.
    package func lastLines(_ count: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
