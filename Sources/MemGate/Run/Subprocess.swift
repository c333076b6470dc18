import Foundation

/// Runs a program with arguments (never through a shell) and waits for it.
///
/// Standard output is captured when asked; standard error is captured or passed through
/// to ours. The environment is inherited, with overrides. Every start but cleanup goes
/// through `Subprocess.launches`, which an interrupt handler closes to stop the children.
struct Subprocess {
    /// The gate subprocess starts pass by default; once closed, `run()` throws
    /// `LaunchGate.Closed` instead of starting anything.
    static let launches = LaunchGate()

    /// What a finished process left behind.
    struct Outcome {
        /// The exit status, or 128 + signal when it was killed by a signal.
        var status: Int32
        var output: String
        var errorOutput: String
        var succeeded: Bool { status == 0 }
    }

    var executable: String
    var arguments: [String]
    var directory: String?
    var captureError = true
    var environment: [String: String] = [:]
    /// The gate this start passes and that knows while it runs (see `InterruptCleanup`);
    /// nil for a process that undoes what memgate created (removing a worktree), which must
    /// start even while memgate is being interrupted and is never signalled.
    var gate: LaunchGate? = Subprocess.launches

    /// Runs the program; `executable` without a slash is looked up on PATH.
    /// - Throws: `LaunchGate.Closed` when `gate` is closed; Foundation's error when the
    ///   program cannot be started.
    func run() throws -> Outcome {
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
    func lastLines(_ count: Int) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }
}
