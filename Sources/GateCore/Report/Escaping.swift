import BenchResults
import CLISupport

/// Escaping of untrusted text (benchmark and metric names, messages) for each output format.
/// Every renderer passes every name through one of these (terminal text through
/// `CLISupport.terminalSafe`); tests feed them `a|b<c>&"d"`, newlines, backticks and
/// control characters.
///
/// Each escaper is a table of the scalars it replaces and, for the rest of the controls,
/// a rule; `replacingScalars` applies it.
package enum Escape {
    /// Markdown (GitHub-flavoured) table-cell text: `& < >` as entities, Markdown
    /// punctuation (`| \ ` * _ [ ] # ~ ! $`) backslash-escaped, control characters visible.
    static func markdown(_ text: String) -> String {
        replacingScalars(terminalSafe(text)) { scalar in
            markdownEntities[scalar] ?? (markdownPunctuation.contains(scalar) ? "\\\(scalar)" : nil)
        }
    }

    /// A JSON string literal, quotes included: `JSONWriter.string`, the one JSON escaper
    /// (RFC 8259: `"` `\` and control characters).
    package static func json(_ text: String) -> String { JSONWriter.string(text) }

    /// XML attribute or text content: `& < > " '` as entities, tab/newline/CR as character
    /// references, and the C0 controls XML 1.0 forbids even as references as visible `\u{..}`.
    package static func xml(_ text: String) -> String {
        replacingScalars(text) { scalar in
            guard xmlEscapes[scalar] == nil, scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF else {
                return xmlEscapes[scalar]
            }
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }

    /// A GitHub Actions workflow-command property value (`title=`): `% \r \n : ,` escaped,
    /// other control characters (ESC, BEL...) made visible as in `terminalSafe`.
    static func githubProperty(_ text: String) -> String {
        replacingScalars(text) { githubEscapes[$0] ?? githubSeparatorEscapes[$0] ?? visibleControl($0) }
    }

    /// A GitHub Actions workflow-command message: `% \r \n` escaped, other control
    /// characters (ESC, BEL...) made visible as in `terminalSafe`: the log shows them, never
    /// obeys them.
    static func githubMessage(_ text: String) -> String {
        replacingScalars(text) { githubEscapes[$0] ?? visibleControl($0) }
    }

    /// A control character other than line break and tab as `terminalSafe` shows it
    /// (`\u{1B}`); nil for everything else.
    private static func visibleControl(_ scalar: Unicode.Scalar) -> String? {
        guard scalar != "\n", scalar != "\r", scalar != "\t" else { return nil }
        let text = String(scalar)
        let safe = terminalSafe(text)
        return safe == text ? nil : safe
    }

    private static let markdownEntities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;"]
    private static let markdownPunctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "$"]
    private static let xmlEscapes: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
    ]
    private static let githubEscapes: [Unicode.Scalar: String] = ["%": "%25", "\r": "%0D", "\n": "%0A"]
    private static let githubSeparatorEscapes: [Unicode.Scalar: String] = [":": "%3A", ",": "%2C"]
}
