import Foundation
import TestSupport

/// A temporary copy of Tests/Fixtures/TinyBench, wired to this memgate checkout: a small
/// package that uses BenchKit the way a user's package does. Removed on deinit.
final class TinyBenchFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let template = repositoryRoot.appendingPathComponent("Tests/Fixtures/TinyBench")
    static let source = "Sources/TinyBenchmarks/TinyBenchmarks.swift"

    /// True unless MEMGATE_SKIP_SLOW_TESTS is set: these tests build packages in release.
    static var isWanted: Bool { ProcessInfo.processInfo.environment["MEMGATE_SKIP_SLOW_TESTS"] == nil }

    /// The release build folder every TinyBench copy shares (`memgate run --scratch-path`),
    /// kept across test runs (gitignored): SwiftPM reuses BenchKit's build from one copy to
    /// the next, so only the first `memgate run` of a test run compiles it (25 s against 2 s
    /// on 2 cores). Tests that need a build to happen (to interrupt it) use the copy's own
    /// `.build` instead.
    static let sharedScratchPath = repositoryRoot.appendingPathComponent(".build-tiny-e2e").path

    /// `memgate run` with `arguments` and the shared scratch path.
    static func run(_ arguments: [String]) -> [String] { ["run", "--scratch-path", sharedScratchPath] + arguments }

    let directory: TemporaryDirectory
    var path: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: path + "/Sources/TinyBenchmarks", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Self.template.appendingPathComponent(Self.source).path, toPath: path + "/" + Self.source)
        let manifest = try String(contentsOf: Self.template.appendingPathComponent("Package.swift.template"), encoding: .utf8)
            .replacingOccurrences(of: "@MEMGATE_PATH@", with: Self.repositoryRoot.path)
        try directory.write("Package.swift", manifest)
    }

    /// Replaces `old` with `new` in the benchmark source; traps if `old` is absent.
    func edit(_ old: String, _ new: String) throws {
        let text = directory.read(Self.source)!
        precondition(text.contains(old), "TinyBench source has no '\(old)'")
        try directory.write(Self.source, text.replacingOccurrences(of: old, with: new))
    }

    /// The number (from 1) of the first line of the benchmark source containing `snippet`; traps if none does.
    func line(of snippet: String) -> Int {
        let lines = directory.read(Self.source)!.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains(snippet) }
        precondition(index != nil, "TinyBench source has no '\(snippet)'")
        return index! + 1
    }
}

