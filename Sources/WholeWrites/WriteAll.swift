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
    transferAll(bytes, to: fd, waitWhenFull: waitWhenFull) { LibC.write($0, $1, $2) }
}

/// `writeAll` for an array of bytes.
package func writeAll(_ bytes: [UInt8], to fd: Int32, waitWhenFull: Bool = true) -> Int32? {
    bytes.withUnsafeBytes { writeAll($0, to: fd, waitWhenFull: waitWhenFull) }
}

#if os(Linux)
/// `writeAll` for a connected socket: `send` with `MSG_NOSIGNAL`, so a peer that is gone is an
/// `EPIPE` here instead of SIGPIPE for the whole process, and a send timeout (`SO_SNDTIMEO`)
/// is an `EAGAIN` failure, not a wait.
package func sendAll(_ bytes: [UInt8], toSocket fd: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer in
        transferAll(buffer, to: fd, waitWhenFull: false) { send($0, $1, $2, Int32(MSG_NOSIGNAL)) }
    }
}
#endif

/// The loop of `writeAll` over `write`, a function with `write(2)`'s contract.
private func transferAll(
    _ bytes: UnsafeRawBufferPointer, to fd: Int32, waitWhenFull: Bool, write: (Int32, UnsafeRawPointer, Int) -> Int
) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
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
