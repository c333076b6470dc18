#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads whole input files defensively: only regular files, never blocking on a FIFO or
/// device, and never more than a size limit, so bad input fails fast with a named error.
package enum InputFile {
    /// The default largest file accepted: 256 MiB (a 10,000-benchmark file with every built-in metric is ~43 MB).
    package static let defaultLimit = 256 << 20

    /// Returns the bytes of the regular file at `path`.
    ///
    /// - Throws: `ResultsError.missing`, `.notARegularFile`, `.tooLarge`, `.empty` or
    ///   `.unreadable`, each naming `path`.
    package static func read(_ path: String, limit: Int = defaultLimit) throws(ResultsError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer must not hang; it is rejected below.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(path: path) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit) }
        guard size > 0 else { throw .empty(path: path) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + offset, size - offset)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }  // Truncated while reading: parse what is there.
            offset += count
        }
        return offset == size ? bytes : Array(bytes[..<offset])
    }
}
