import Foundation
import Testing

/// Tests/Fixtures/NIOBench: a package whose benchmarks drive SwiftNIO, which it gets the way
/// a user's package would, by `https://github.com/apple/swift-nio` (on this machine, git reads
/// that address from the package mirror under /opt/swift-packages). Built in place, in a
/// build folder kept between runs (`.build-nio-bench` at the repository root), since a
/// first release build of SwiftNIO takes minutes.
///
/// Without the mirror the tests are skipped with `skipReason` shown in the test output, unless
/// `MEMGATE_REQUIRE_NIO` is set (`.ci/run` sets it): then they run and fail. They never pass
/// without SwiftNIO.
enum NIOFixture {
    static let package = TinyBenchFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/NIOBench")
    static let scratchPath = TinyBenchFixture.repositoryRoot.appendingPathComponent(".build-nio-bench").path
    static let mirror = "/opt/swift-packages/apple/swift-nio.git"

    /// Whether missing SwiftNIO is a failure (`MEMGATE_REQUIRE_NIO` set, not `0`).
    static let isRequired: Bool = {
        guard let value = ProcessInfo.processInfo.environment["MEMGATE_REQUIRE_NIO"] else { return false }
        return !value.isEmpty && value != "0"
    }()

    /// Whether the tests run: the mirror is there, or SwiftNIO is required.
    static var testsRun: Bool { FileManager.default.fileExists(atPath: mirror) || isRequired }

    /// Why the tests were skipped.
    static let skipReason: Comment = """
        SKIPPED, NOT PASSED: no SwiftNIO package mirror at \(mirror); memgate run was not tried on SwiftNIO \
        workloads. Set MEMGATE_REQUIRE_NIO=1 to make this a failure.
        """

    /// The machine's git configuration, not the isolation of `GitIsolation`: the address
    /// mirror (`url.<mirror>.insteadOf https://github.com/`) is set there, system-wide on this
    /// machine. Only SwiftPM's dependency resolution uses git in these runs.
    static let gitEnvironment = [
        "GIT_CONFIG_NOSYSTEM": "0",
        "GIT_CONFIG_GLOBAL": (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.gitconfig",
    ]

    /// Runs `memgate ARGUMENTS --package-path FIXTURE --scratch-path SCRATCH` (a first
    /// release build of SwiftNIO takes minutes on a loaded machine: up to an hour allowed).
    static func memgate(_ arguments: [String]) throws -> MemGateProcess.Outcome {
        try MemGateProcess.run(arguments + ["--package-path", package.path, "--scratch-path", scratchPath],
                               environment: gitEnvironment, timeout: 3600)
    }

    /// Resolves the fixture's dependencies. When that fails (no mirror, no network), the test
    /// is cancelled, shown as skipped with the reason, or fails when SwiftNIO is required.
    static func resolve() throws {
        let resolved = try MemGateProcess.run(
            ["package", "resolve", "--package-path", package.path, "--scratch-path", scratchPath],
            environment: gitEnvironment, timeout: 600, program: swift)
        guard resolved.code != 0 else { return }
        let reason = "swift package resolve failed on Tests/Fixtures/NIOBench (exit \(resolved.code)): \(resolved.stderr.suffix(1500))"
        if isRequired {
            Issue.record(Comment(rawValue: "MEMGATE_REQUIRE_NIO is set and " + reason))
            throw Unresolved()
        }
        try Test.cancel(Comment(rawValue: "SKIPPED, NOT PASSED: " + reason))
    }

    /// `swift` on `PATH`.
    static let swift: URL = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let folder = folders.first { FileManager.default.isExecutableFile(atPath: "\($0)/swift") } ?? "/usr/bin"
        return URL(fileURLWithPath: "\(folder)/swift")
    }()

    /// Thrown after an issue has been recorded, to stop the test.
    struct Unresolved: Error {}
}
