#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BaseSystem

/// Every call CLISupport makes into the C library, in one place.
///
/// Callers above this file never import Glibc; tests reach the same calls through
/// injected closures (see `ProgressLine`) or real pipes and pseudo-terminals.
enum Syscalls {
    /// Whether `fd` refers to a terminal. The corresponding C function is `isatty`.
    static func isatty(_ fd: Int32) -> Bool {
        LibC.isatty(fd) == 1
    }

    /// The width in columns of the terminal behind `fd`, or nil when `fd` is not a terminal
    /// or reports a width of 0. The corresponding C call is `ioctl(fd, TIOCGWINSZ, ...)`.
    static func terminalColumns(_ fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The value of the environment variable `name`, or nil when it is unset.
    /// The corresponding C function is `getenv`.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// `code` (an `errno`) in words: `"No space left on device"`.
    /// The corresponding C function is `strerror`.
    static func errorDescription(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes all of `string`'s UTF-8 bytes to `fd`, retrying partial writes, `EINTR`,
    /// and waiting out `EAGAIN` on non-blocking descriptors with `poll`.
    ///
    /// - Returns: nil, or the `errno` of a descriptor that failed for good (`EBADF`, `EPIPE`
    ///   with SIGPIPE ignored, a full disk...); the unwritten rest is dropped.
    /// The corresponding C function is `write`.
    /// The loop is `WholeWrites.writeAll`.
    @discardableResult
    static func writeAll(_ string: String, to fd: Int32) -> Int32? {
        var string = string
        return string.withUTF8 { WholeWrites.writeAll(UnsafeRawBufferPointer($0), to: fd) }
    }
}
