#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WholeWrites

/// Writes files so that readers see either the old content or the new, never a mix.
///
/// The bytes go to a temporary file in the same directory, which is flushed to disk
/// (`fsync`) and then renamed over the target (`rename` is atomic within a file system).
/// A process killed at any point leaves the previous file intact; at worst a stray
/// `.NAME.tmp-PID` file remains beside it.
package enum AtomicFile {
    /// Atomically replaces (or creates) the file at `path` with `bytes`.
    ///
    /// - Throws: `ResultsError.unwritable` naming `path`; the old file is then unchanged.
    package static func write(_ bytes: [UInt8], to path: String) throws(ResultsError) {
        let directory: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            directory = String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            name = path
        }
        guard !name.isEmpty else { throw .unwritable(path: path, reason: "the path names a directory") }
        let temporary = "\(directory)/.\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        var failure = writeAll(bytes, to: fd).map { String(cString: strerror($0)) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .unwritable(path: path, reason: failure)
        }
    }
}
