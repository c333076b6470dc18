/// A one-line status display on standard error that rewrites itself in place.
///
///     let progress = ProgressLine(enabled: !quiet)
///     for (index, name) in names.enumerated() {
///         progress.update("[\(index + 1)/\(names.count)] \(name)")
///         ...
///     }
///     progress.finish()
///
/// It writes only when enabled and standard error is a terminal whose `TERM` is not `dumb`,
/// so logs and pipes never see carriage returns; otherwise every call does nothing.
/// Call `finish()` before printing anything else to the terminal.
///
/// Not thread-safe: one caller (thread or task) owns a `ProgressLine`.
package final class ProgressLine {
    /// Whether calls write anything.
    package let isEnabled: Bool
    private let columns: () -> Int
    private let write: (String) -> Void
    private var shown: String?

    /// Creates a progress line on standard error (fd 2).
    ///
    /// - Parameter enabled: Whether the caller wants progress shown (false for `--quiet`);
    ///   it is shown only if, in addition, fd 2 is a terminal and `TERM` is not `dumb`.
    package convenience init(enabled: Bool) {
        let terminal = Terminal.isTTY(2) && Syscalls.environment("TERM") != "dumb"
        self.init(enabled: enabled && terminal,
                  columns: { Terminal.columns(2) ?? 80 },
                  write: { Syscalls.writeAll($0, to: 2) })
    }

    /// Creates a progress line that writes through `write`, for tests.
    init(enabled: Bool, columns: @escaping () -> Int, write: @escaping (String) -> Void) {
        isEnabled = enabled
        self.columns = columns
        self.write = write
    }

    /// Replaces the line with `text`: writes `"\r"`, the text, then `ESC[K` (erase to end of line).
    ///
    /// The text is made one line (control characters replaced, see `Cell.text`) and cut to
    /// one column less than the terminal's width (read each call, 80 if unknown), ending in
    /// `…` when cut, so it never wraps. Writing the text already shown does nothing.
    package func update(_ text: String) {
        guard isEnabled else { return }
        let line = truncated(terminalSafe(text), toWidth: max(columns() - 1, 1))
        guard line != shown else { return }
        write("\r" + line + "\u{1B}[K")
        shown = line
    }

    /// Erases the line (`"\r"` then `ESC[K`) and leaves the cursor at its start. Does nothing
    /// if nothing is shown. `update(_:)` may be called again afterwards.
    package func finish() {
        guard isEnabled, shown != nil else { return }
        write("\r\u{1B}[K")
        shown = nil
    }
}
