import BenchResults
import Foundation
import Testing

/// Runs the built `memgate` executable and collects what it did.
enum MemGateProcess {
    struct Outcome {
        var code: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The `memgate` binary beside the test bundle (`swift test` builds every product into
    /// the same directory, e.g. `.build/debug`).
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("memgate")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/memgate")
        return fallback
    }()

    /// Runs memgate (or `program`) with `arguments` in `directory`, killing it after `timeout` seconds.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: Double = 30,
        program: URL = executable
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["GITHUB_STEP_SUMMARY"] = nil
        env["NO_COLOR"] = nil
        env["FORCE_COLOR"] = nil
        for (key, value) in GitIsolation.environment { env[key] = value }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        // Drain both pipes at once: a child that fills one pipe (64 KiB) while we wait for
        // EOF on the other would block forever. The reader is a thread of its own, not a
        // global queue's: on Linux those queues have about as many threads as cores and add
        // none for one that blocks, and this read can last a whole package build.
        let stderrBox = DataBox()
        let stderrDrained = DispatchSemaphore(value: 0)
        let stderrReader = err.fileHandleForReading
        Thread {
            stderrBox.set(stderrReader.readDataToEndOfFile())
            stderrDrained.signal()
        }.start()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        stderrDrained.wait()
        let stderrData = stderrBox.get()
        process.waitUntilExit()
        killer.cancel()
        return Outcome(
            code: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }
}

/// The environment every git process the tests start runs with, directly (the fixture
/// repositories) or through memgate (`memgate refs`, the benchmarks' environment probe): no
/// global or system git config, so the user's settings (hooks, signing, aliases, default
/// branch, identity) cannot change what happens. Commits name their identity themselves.
enum GitIsolation {
    static let environment = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
}

/// Data handed from a draining thread to the thread waiting for it.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Processes running on this machine, from /proc, for checking that what memgate started
/// stops with it.
enum RunningProcesses {
    /// `PID: command line` (cut to 200 characters) of every process whose command line
    /// contains `text`.
    static func mentioning(_ text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int32($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            return line.contains(text) ? "\(pid): \(line.prefix(200))" : nil
        }
    }

    /// Once `swift build` compiles a module with `text` on its command line (see
    /// `awaitCompiler`), sends `signal` to `process`, waits for it, and expects it to exit
    /// with 128 + `signal` and nothing mentioning `text` to outlive it.
    static func expectStopsEverything(_ process: Process, signal: Int32, mentioning text: String,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(awaitCompiler(mentioning: text, while: process), "no compiler seen while memgate ran", sourceLocation: sourceLocation)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, sourceLocation: sourceLocation)
        #expect(process.terminationStatus == 128 + signal, sourceLocation: sourceLocation)
        let survivors = remaining(mentioning: text)
        #expect(survivors.isEmpty, "\(survivors)", sourceLocation: sourceLocation)
    }

    /// Waits (up to 5 minutes, while `process` runs) until `swift build` compiles a module
    /// (`swiftc -module-name`, not just the manifest) with `text` on its command line.
    static func awaitCompiler(mentioning text: String, while process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(300)
        func compiling() -> Bool { mentioning(text).contains { $0.contains("swiftc -module-name ") } }
        while !compiling() && process.isRunning && Date() < deadline { usleep(50_000) }
        return compiling()
    }

    /// The processes still mentioning `text` after up to 20 s: ones told to stop get a
    /// moment to exit (a compiler on a loaded 2-core machine took more than 5 s).
    static func remaining(mentioning text: String) -> [String] {
        var survivors = mentioning(text)
        for _ in 0..<200 where !survivors.isEmpty {
            usleep(100_000)
            survivors = mentioning(text)
        }
        return survivors
    }
}
