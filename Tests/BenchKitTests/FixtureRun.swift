import BenchResults
import Foundation
import Testing

/// Runs the FixtureBenchmarks executable (built by `swift test`, next to the test bundle)
/// and reads its results file. Allocation counts are process-wide, so exactness is
/// tested in a process of its own: tests elsewhere in this runner allocate concurrently.
struct FixtureRun {
    let exitStatus: Int32
    let results: ResultsFile?
    let standardError: String

    /// The built products directory: the test bundle's directory.
    static var productsDirectory: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("FixtureBenchmarks").path) }
            ?? candidates[0]
    }

    /// Runs `executable` (default: the debug fixture) with `arguments` plus `--output`.
    static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:]) throws -> FixtureRun {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = executable ?? productsDirectory.appendingPathComponent("FixtureBenchmarks")
        process.arguments = arguments + ["--output", output.path, "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let results = FileManager.default.fileExists(atPath: output.path) ? try ResultsFile.read(contentsOf: output.path) : nil
        return FixtureRun(exitStatus: process.terminationStatus, results: results,
                          standardError: String(decoding: errorData, as: UTF8.self))
    }
}
