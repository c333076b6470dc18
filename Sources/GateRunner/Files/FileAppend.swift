#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BaseSystem
import BenchResults

/// Appends to a file (for `$GITHUB_STEP_SUMMARY`, which several steps share).
package enum FileAppend {
    /// Appends `bytes` to `path`, creating it if needed, with `O_APPEND` (each `write` of
    /// `writeAll` (WholeWrites) lands at the end, so concurrent appenders do not interleave
    /// within a chunk).
    ///
    /// - Throws: `ResultsError.unwritable` naming `path`.
    package static func append(_ bytes: [UInt8], to path: String) throws(ResultsError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if let failure = writeAll(bytes, to: fd, waitWhenFull: false) {
            throw .unwritable(path: path, reason: String(cString: strerror(failure)))
        }
    }
}
