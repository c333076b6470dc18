import BenchResults
import Foundation
import GateCore
import GateRunner

/// A command's output file: its folder is created, and the bytes are written atomically
/// (temporary file, fsync, rename), so a reader never sees a partial file.
enum OutputFile {
    /// Writes `bytes` to `path`, creating the folder that holds it first.
    ///
    /// - Throws: `CommandError` naming the folder or the file.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try createDirectory(containing: path)
        do { try AtomicFile.write(bytes, to: path) } catch { throw CommandError(error) }
    }

    /// Writes `bytes` to `path` as `write(_:to:)` does, or to standard output when `path`
    /// is nil (the `--output` convention of `convert` and `merge`).
    static func writeOrPrint(_ bytes: [UInt8], to path: String?, context: inout CommandContext) throws {
        if let path {
            try write(bytes, to: path)
        } else {
            context.output += String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Creates the folder holding `path` (and its parents) when it is missing.
    ///
    /// - Throws: `CommandError` naming the folder.
    static func createDirectory(containing path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandError("\(directory): cannot create the directory: \(error.localizedDescription)")
        }
    }
}
