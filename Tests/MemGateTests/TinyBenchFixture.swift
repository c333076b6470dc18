import Foundation

/// A temporary copy of Tests/Fixtures/TinyBench, wired to this memgate checkout: a small
/// package that uses BenchKit the way a user's package does. Removed on deinit.
final class TinyBenchFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let template = repositoryRoot.appendingPathComponent("Tests/Fixtures/TinyBench")
    static let source = "Sources/TinyBenchmarks/TinyBenchmarks.swift"

    /// True unless MEMGATE_SKIP_SLOW_TESTS is set: these tests build packages in release.
    static var isWanted: Bool { ProcessInfo.processInfo.environment["MEMGATE_SKIP_SLOW_TESTS"] == nil }

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
}
