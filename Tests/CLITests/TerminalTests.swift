import Testing
@testable import CLISupport

@Suite struct TerminalTests {
    @Test(arguments: [
        ([:], false),
        (["FORCE_COLOR": "1"], true),
        (["FORCE_COLOR": "0"], true),                         // any non-empty value forces
        (["FORCE_COLOR": ""], false),
        (["NO_COLOR": "1", "FORCE_COLOR": "1"], false),       // NO_COLOR wins
        (["NO_COLOR": "", "FORCE_COLOR": "1"], true),         // empty NO_COLOR is unset
        (["TERM": "dumb", "FORCE_COLOR": "1"], true),
        (["TERM": "xterm-256color"], false),
    ])
    func detectOnAPipe(environment: [String: String], colour: Bool) {
        let pipe = Pipe()
        withExtendedLifetime(pipe) {
            #expect(TerminalStyle.detect(fileDescriptor: pipe.writer, environment: environment).colour == colour)
        }
    }

    @Test(arguments: [
        ([:], true),
        (["TERM": "xterm-256color"], true),
        (["TERM": "dumb"], false),
        (["NO_COLOR": "1"], false),
        (["NO_COLOR": "yes", "TERM": "xterm"], false),
        (["NO_COLOR": ""], true),
        (["NO_COLOR": "1", "FORCE_COLOR": "1"], false),
    ])
    func detectOnATerminal(environment: [String: String], colour: Bool) throws {
        let terminal = try #require(PseudoTerminal())
        withExtendedLifetime(terminal) {
            #expect(TerminalStyle.detect(fileDescriptor: terminal.follower, environment: environment).colour == colour)
        }
    }

    @Test func isTTYAndColumns() throws {
        let terminal = try #require(PseudoTerminal(columns: 132))
        defer { withExtendedLifetime(terminal) {} }
        #expect(Terminal.isTTY(terminal.follower))
        #expect(Terminal.columns(terminal.follower) == 132)
        let pipe = Pipe()
        defer { withExtendedLifetime(pipe) {} }
        #expect(!Terminal.isTTY(pipe.writer))
        #expect(Terminal.columns(pipe.writer) == nil)
        #expect(!Terminal.isTTY(-1))
        #expect(Terminal.columns(-1) == nil)
        let sizeless = try #require(PseudoTerminal(columns: 0))
        withExtendedLifetime(sizeless) { #expect(Terminal.columns(sizeless.follower) == nil) }
    }

    @Test(arguments: [
        ("FAIL", ANSIColour.red, true, "\u{1B}[1;31mFAIL\u{1B}[0m"),
        ("ok", .green, false, "\u{1B}[32mok\u{1B}[0m"),
        ("y", .yellow, false, "\u{1B}[33my\u{1B}[0m"),
        ("b", .blue, false, "\u{1B}[34mb\u{1B}[0m"),
        ("m", .magenta, false, "\u{1B}[35mm\u{1B}[0m"),
        ("c", .cyan, false, "\u{1B}[36mc\u{1B}[0m"),
        ("~", .grey, false, "\u{1B}[90m~\u{1B}[0m"),
        ("", .red, true, ""),
    ])
    func paintWithColour(text: String, colour: ANSIColour, bold: Bool, expected: String) {
        #expect(TerminalStyle(colour: true).paint(text, colour, bold: bold) == expected)
        #expect(TerminalStyle.plain.paint(text, colour, bold: bold) == text)
    }

    @Test func paintWithoutColourOrBoldIsIdentity() {
        #expect(TerminalStyle(colour: true).paint("x", nil) == "x")
        #expect(TerminalStyle(colour: true).paint("x", nil, bold: true) == "\u{1B}[1mx\u{1B}[0m")
    }
}
