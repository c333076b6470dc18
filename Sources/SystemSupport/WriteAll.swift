#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one loop that writes a whole buffer to a file descriptor, shared by standard output
/// and error (`CLISupport`), atomic file writes (`BenchResults.AtomicFile`) and appends
/// (`memgate`'s `$GITHUB_STEP_SUMMARY`).
///
/// It retries partial writes and `EINTR`, and waits out `EAGAIN`/`EWOULDBLOCK` on a
/// non-blocking descriptor with `poll`, so only a descriptor that fails for good (`EBADF`,
/// `EPIPE` with SIGPIPE ignored, `ENOSPC`, ...) stops it.
///
/// - Parameter waitWhenFull: false to fail with `EAGAIN` instead of waiting, for a caller
///   that must never block (an append to a path that may be a FIFO).
/// - Returns: nil when every byte was written, else the `errno` of the failing `write`
///   (the rest is not written).
package func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, waitWhenFull: Bool = true) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = LibC.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written > 0 {
            offset += written
        } else if written < 0 && errno == EINTR {
            continue
        } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waitWhenFull {
            var request = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&request, 1, -1)
        } else {
            return written < 0 ? errno : EIO
        }
    }
    return nil
}

/// `writeAll` for an array of bytes.
package func writeAll(_ bytes: [UInt8], to fd: Int32, waitWhenFull: Bool = true) -> Int32? {
    bytes.withUnsafeBytes { writeAll($0, to: fd, waitWhenFull: waitWhenFull) }
}
