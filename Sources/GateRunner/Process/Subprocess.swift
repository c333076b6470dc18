import Foundation
import GateCore

/// Runs a program with arguments (never through a shell) and waits for it.
///
/// Standard output is captured when asked; standard error is captured or passed through
/// to ours. The environment is inherited, with overrides. Every start but cleanup goes
/// through `Subprocess.launches`, which an interrupt handler closes to stop the children.
package struct Subprocess {
    /// The gate subprocess starts pass by default; once closed, `run()` throws
    /// `LaunchGate.Closed` instead of starting anything.
    package static let launches = LaunchGate()

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
    package var gate: LaunchGate? = Subprocess.launches

    /// A process to start with `run()` (see the properties).
    package init(
        executable: String, arguments: [String], directory: String? = nil, captureError: Bool = true,
        environment: [String: String] = [:], gate: LaunchGate? = Subprocess.launches
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.captureError = captureError
        self.environment = environment
        self.gate = gate
    }

    /// Runs the program; `executable` without a slash is looked up on PATH.
    /// - Throws: `LaunchGate.Closed` when `gate` is closed; Foundation's error when the
    ///   program cannot be started.
    package func run() throws -> Outcome {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = captureError ? errors : FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        if let gate {
            try gate.admit { try process.run(); return process.processIdentifier }
        } else {
            try process.run()
        }
        // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
        let errorData = LockedData()
        let drained = DispatchSemaphore(value: 0)
        if captureError {
            DispatchQueue.global().async {
                errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
                drained.signal()
            }
        } else {
            drained.signal()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        gate?.finished(process.processIdentifier)
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(status: status, output: String(decoding: outputData, as: UTF8.self),
                       errorOutput: String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// Data handed from the draining thread to the caller.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

extension String {
    /// The last `count` lines, for showing the end of a long build log.
    package func lastLines(_ count: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
