import Foundation
import Testing
import TestSupport

/// A temporary git repository holding the TinyBench fixture package in a subdirectory
/// (`pkg/`), for the end-to-end tests of `memgate refs`.
///
///     let repo = try RefsFixtureRepository()            // one commit: blocksPerOp 2, spinRounds 20_000
///     try repo.edit(blocksPerOp: 3)
///     try repo.commit("one more allocation")
///     let run = try repo.memgate(["refs", "HEAD~1", "HEAD"])
///
/// memgate runs with `TMPDIR` set to a folder of the repository's own (`leftovers()` lists
/// what it left there), in `pkg/`, with the shared `--build-root` (see `buildRoot`).
final class RefsFixtureRepository {
    /// True unless MEMGATE_SKIP_SLOW_TESTS is set (the repository's convention for tests
    /// that build whole packages in release).
    static var isWanted: Bool { ProcessInfo.processInfo.environment["MEMGATE_SKIP_SLOW_TESTS"] == nil }

    /// The memgate checkout under test (the fixture's path dependency).
    static let memgateRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Build folders shared by every scenario and kept across test runs (gitignored), so
    /// only the first scenario ever compiles BenchKit in release.
    static let buildRoot = memgateRoot.appendingPathComponent(".build-refs-e2e").path

    /// The folder holding the repository (`repo/`) and memgate's `TMPDIR` (`tmp/`).
    let directory: TemporaryDirectory
    /// The repository's root.
    var root: String { directory.file("repo") }
    /// The fixture package inside it.
    var package: String { directory.file("repo/pkg") }
    /// memgate's temporary directory.
    var temporary: String { directory.file("tmp") }

    /// Creates the repository with the fixture package, `config` as its
    /// `baselines/memgate.json` when given, and one commit.
    init(config: String? = nil) throws {
        directory = try TemporaryDirectory()
        let fixture = Self.memgateRoot.appendingPathComponent("Tests/Fixtures/TinyBench")
        let template = try String(contentsOf: fixture.appendingPathComponent("Package.swift.template"), encoding: .utf8)
        try directory.write("repo/pkg/Package.swift", template.replacingOccurrences(of: "@MEMGATE_PATH@", with: Self.memgateRoot.path))
        let source = try String(contentsOf: fixture.appendingPathComponent("Sources/TinyBenchmarks/TinyBenchmarks.swift"), encoding: .utf8)
        try directory.write("repo/pkg/Sources/TinyBenchmarks/TinyBenchmarks.swift", source)
        if let config { try directory.write("repo/pkg/baselines/memgate.json", config) }
        try directory.write("repo/README", "fixture\n")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        try git("init", "-q")
        try git("add", ".")
        try commit("fixture")
    }

    /// Rewrites the fixture's marked constants.
    func edit(blocksPerOp: Int? = nil, spinRounds: Int? = nil) throws {
        let path = package + "/Sources/TinyBenchmarks/TinyBenchmarks.swift"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if let blocksPerOp, line.contains("static let blocksPerOp") { lines[index] = "    static let blocksPerOp = \(blocksPerOp)" }
            if let spinRounds, line.contains("static let spinRounds") { lines[index] = "    static let spinRounds = \(spinRounds)" }
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Commits every change.
    func commit(_ message: String) throws {
        try git("-c", "user.name=memgate tests", "-c", "user.email=tests@memgate.invalid", "commit", "-q", "-a", "-m", message)
    }

    /// Runs git in the repository and returns its standard output; throws on failure.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(GitIsolation.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct GitFailed: Error, CustomStringConvertible { var description: String }
        guard process.terminationStatus == 0 else { throw GitFailed(description: "git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything a user could see change: `git status` (untracked and ignored files too),
    /// the index's entries and HEAD.
    func state() throws -> String {
        try git("status", "--porcelain", "--ignored", "--untracked-files=all") + "\n" + git("ls-files", "--stage") + "\n"
            + git("rev-parse", "HEAD")
    }

    /// The worktrees git knows besides the main one (should always be empty afterwards).
    func extraWorktrees() throws -> [String] {
        try git("worktree", "list", "--porcelain").components(separatedBy: "\n")
            .filter { $0.hasPrefix("worktree ") }.dropFirst().map { String($0) }
    }

    /// What memgate left in its `TMPDIR`: every entry but SwiftPM's empty lock files for the
    /// kept build root.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: temporary).filter { name in
            !(name.hasSuffix(".lock") && name.contains("build-refs-e2e"))
        }.sorted()
    }

    /// Expects what every `memgate refs` run must leave as it found it: the repository's
    /// state (`before`, from `state()`), git's worktree list, memgate's `TMPDIR`.
    func expectUntouched(since before: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try state() == before, sourceLocation: sourceLocation)
        #expect(try extraWorktrees().isEmpty, sourceLocation: sourceLocation)
        let left = try leftovers()
        #expect(left.isEmpty, "left in TMPDIR: \(left)", sourceLocation: sourceLocation)
    }

    /// Starts `memgate` in the package with this repository's `TMPDIR`, its output
    /// discarded, and returns without waiting (to signal it while it works).
    func startMemgate(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = MemGateProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: package)
        process.environment = ProcessInfo.processInfo.environment
            .merging(GitIsolation.environment) { $1 }.merging(["TMPDIR": temporary]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `memgate` in the package with this repository's `TMPDIR` (and, as every
    /// `MemGateProcess.run`, `GitIsolation.environment`).
    func memgate(_ arguments: [String], timeout: Double = 900) throws -> MemGateProcess.Outcome {
        try MemGateProcess.run(arguments, in: URL(fileURLWithPath: package), environment: ["TMPDIR": temporary], timeout: timeout)
    }
}
