/// Standard output (fd 1) as a `TextOutputStream`, written without buffering.
///
///     var out = StandardOutput()
///     print("PASS", to: &out)
///
/// Each `write` goes straight to the descriptor with `write(2)`, retrying partial writes and
/// `EINTR`, so text appears in the order written even when interleaved with standard error
/// or a child process's output, and nothing is lost when the process exits. Unlike `print`'s
/// default stream there is no buffer to flush. Prefer few large writes to many small ones.
///
/// A closed pipe normally ends the process with SIGPIPE (as for `memgate check ... | head`).
/// Any other failure (a full disk, `> /dev/full`, SIGPIPE ignored) is kept in `failure`, and
/// the rest of the text is discarded: the caller must check it and exit non-zero, or a
/// report nobody could read would pass.
package struct StandardOutput: TextOutputStream, Sendable {
    /// The `errno` of the first write that failed, or nil.
    package private(set) var failure: Int32?

    /// Creates a stream on fd 1.
    package init() {}

    /// Writes all of `string`'s UTF-8 bytes to fd 1 (nothing after a failure).
    package mutating func write(_ string: String) {
        guard failure == nil else { return }
        failure = Syscalls.writeAll(string, to: 1)
    }

    /// The failure in words (`"No space left on device"`), or nil.
    package var failureDescription: String? {
        failure.map(Syscalls.errorDescription)
    }
}

/// Standard error (fd 2) as a `TextOutputStream`, written without buffering.
///
///     var errors = StandardError()
///     print(error, to: &errors)
///
/// Same contract as `StandardOutput`, on fd 2.
package struct StandardError: TextOutputStream, Sendable {
    /// Creates a stream on fd 2.
    package init() {}

    /// Writes all of `string`'s UTF-8 bytes to fd 2.
    package mutating func write(_ string: String) {
        Syscalls.writeAll(string, to: 2)
    }
}

/// A `TextOutputStream` that collects everything written into `text`, for tests and for
/// building output before deciding where it goes.
///
///     let output = StringOutput()
///     var stream = output
///     print("hello", to: &stream)
///     output.text   // "hello\n"
///
/// A class, so a caller can hand it to code taking `inout some TextOutputStream` and still
/// read it afterwards. Not thread-safe.
package final class StringOutput: TextOutputStream {
    /// Everything written so far.
    package var text: String

    /// Creates a stream holding `text` (empty by default).
    package init(_ text: String = "") {
        self.text = text
    }

    /// Appends `string` to `text`.
    package func write(_ string: String) {
        text += string
    }
}
