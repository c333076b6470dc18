import BenchResults
import Foundation

/// A fresh temporary directory, removed when the value is deinitialised.
package final class TemporaryDirectory {
    /// The directory.
    package let url: URL
    /// Its path.
    package var path: String { url.path }

    /// Creates `memgate-e2e-UUID` in the system's temporary folder.
    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("memgate-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the directory (which need not exist).
    package func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` inside the directory, creating its folders; returns its path.
    @discardableResult
    package func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes `results` to `name` inside the directory (`ResultsFile.write`); returns its path.
    @discardableResult
    package func write(_ name: String, _ results: ResultsFile) throws -> String {
        let path = file(name)
        try results.write(to: path)
        return path
    }

    /// The text of `name` inside the directory, nil when it cannot be read.
    package func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }
}
