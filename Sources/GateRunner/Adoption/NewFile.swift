#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BaseSystem

/// Creates files that must not exist yet, whole or not at all, and never over another file.
///
/// The bytes go to a temporary file beside the target, which is flushed (`fsync`) and then
/// hard-linked to the target's name: `link` fails when the name exists, so a file that
/// appears meanwhile is never replaced, and a reader (or a crash) never sees a partial file.
/// The temporary name is removed either way.
package enum NewFile {
    /// Creates `path` with `bytes` (mode 0644 before the umask), unless it exists.
    ///
    /// - Returns: false, having written nothing, when something exists at `path`.
    /// - Throws: `PathFailure` naming `path` when it cannot be written.
    package static func create(_ bytes: [UInt8], at path: String) throws(PathFailure) -> Bool {
        let temporary = "\(directory(of: path))/.memgate-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PathFailure(path, "cannot create the file") }
        defer { unlink(temporary) }
        var failure = writeAll(bytes, to: fd).map { String(cString: strerror($0)) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw PathFailure(path, "cannot create the file", reason: failure) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw PathFailure(path, "cannot create the file")
        }
        return true
    }

    /// The folder holding `path` (`.` for a bare name).
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
