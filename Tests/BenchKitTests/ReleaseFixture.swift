import Foundation

/// Builds FixtureBenchmarks in release configuration, in a build folder of its own
/// (`swift test` holds the lock on `.build` while tests run).
enum ReleaseFixture {
    /// True unless MEMGATE_SKIP_SLOW_TESTS is set (for quick local iterations).
    static var isWanted: Bool { ProcessInfo.processInfo.environment["MEMGATE_SKIP_SLOW_TESTS"] == nil }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Builds (incrementally) and returns the release fixture executable.
    static func build() throws -> URL {
        let scratch = packageRoot.appendingPathComponent(".build-release-fixtures")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "-c", "release", "--product", "FixtureBenchmarks",
                             "--package-path", packageRoot.path, "--scratch-path", scratch.path]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let output = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            struct BuildFailed: Error, CustomStringConvertible { let description: String }
            throw BuildFailed(description: "release build of FixtureBenchmarks failed:\n" + String(decoding: output, as: UTF8.self))
        }
        return scratch.appendingPathComponent("release/FixtureBenchmarks")
    }
}
