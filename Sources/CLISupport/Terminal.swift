/// The colours `TerminalStyle.paint` can use: the standard ANSI foreground colours, plus
/// grey (bright black) for de-emphasised text.
package enum ANSIColour: Sendable, CaseIterable {
    case red, green, yellow, blue, magenta, cyan, grey

    /// The SGR parameter that selects this colour, e.g. `"31"` for red.
    var code: String {
        switch self {
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .blue: "34"
        case .magenta: "35"
        case .cyan: "36"
        case .grey: "90"
        }
    }
}

/// Whether output may contain colour escape sequences, and the function that adds them.
///
///     let style = TerminalStyle.detect(fileDescriptor: 1, environment: environment)
///     print(style.paint("FAIL", .red, bold: true))   // "\u{1B}[1;31mFAIL\u{1B}[0m" or "FAIL"
///
/// Decide once per output stream, at startup, and pass the style down; reporters never look
/// at the terminal themselves.
package struct TerminalStyle: Sendable, Equatable {
    /// Whether `paint` emits escape sequences.
    package var colour: Bool

    /// Creates a style that colours or not, regardless of the terminal.
    package init(colour: Bool) {
        self.colour = colour
    }

    /// No escape sequences: for files, pipes and tests.
    package static let plain = TerminalStyle(colour: false)

    /// The style for output written to `fileDescriptor`, given the process environment.
    ///
    /// The first rule that applies decides:
    /// 1. `NO_COLOR` set to anything but the empty string: no colour (https://no-color.org).
    /// 2. `FORCE_COLOR` set to anything but the empty string: colour, even into a pipe
    ///    (for CI logs that render colour; https://force-color.org).
    /// 3. `TERM` is `dumb`: no colour.
    /// 4. Otherwise, colour exactly when `fileDescriptor` is a terminal.
    ///
    /// - Parameters:
    ///   - fileDescriptor: Where the output goes, usually 1 or 2.
    ///   - environment: The process environment, e.g. `ProcessInfo.processInfo.environment`.
    package static func detect(fileDescriptor: Int32, environment: [String: String]) -> TerminalStyle {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return .plain }
        if let force = environment["FORCE_COLOR"], !force.isEmpty { return TerminalStyle(colour: true) }
        if environment["TERM"] == "dumb" { return .plain }
        return TerminalStyle(colour: Terminal.isTTY(fileDescriptor))
    }

    /// `text` in `colour` and/or bold when this style has colour, else `text` unchanged.
    ///
    /// The result is `ESC[<codes>m` + text + `ESC[0m`, with codes `1` for bold then the colour's
    /// (`"\u{1B}[1;31mFAIL\u{1B}[0m"`). Empty text, and no colour without bold, give `text` as is.
    package func paint(_ text: String, _ colour: ANSIColour?, bold: Bool = false) -> String {
        guard self.colour, !text.isEmpty else { return text }
        let codes = (bold ? ["1"] : []) + (colour.map { [$0.code] } ?? [])
        guard !codes.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}

/// Questions about the terminal behind a file descriptor.
package enum Terminal {
    /// Whether `fd` refers to a terminal (a TTY or pseudo-terminal).
    /// The corresponding C function is `isatty`.
    package static func isTTY(_ fd: Int32) -> Bool {
        Syscalls.isatty(fd)
    }

    /// The width of the terminal behind `fd` in columns, or nil when `fd` is not a terminal
    /// or does not know its size. The corresponding C call is `ioctl(fd, TIOCGWINSZ, ...)`.
    package static func columns(_ fd: Int32) -> Int? {
        Syscalls.terminalColumns(fd)
    }
}
