import BenchResults
import CLISupport
import Foundation
import GateCore

/// A command's output file: its folder is created, and the bytes are written atomically
/// (temporary file, fsync, rename), so a reader never sees a partial file.
package enum OutputFile {
    /// Writes `bytes` to `path`, creating the folder that holds it first.
    ///
    /// - Throws: `CommandError` naming the folder or the file.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try createDirectory(containing: path)
        do { try AtomicFile.write(bytes, to: path) } catch { throw CommandError(error) }
    }

    /// Creates the folder holding `path` (and its parents) when it is missing.
    ///
    /// - Throws: `CommandError` naming the folder.
    package static func createDirectory(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandError("\(directory): cannot create the directory: \(error.localizedDescription)")
        }
    }
}
