/// Escaping of untrusted text (benchmark and metric names, messages) for each output format.
/// Every renderer passes every name through one of these; tests feed them
/// `a|b<c>&"d"`, newlines, backticks and control characters.
enum Escape {
    /// Terminal text: control characters (newline, ESC, ...) become visible `\n`, `\u{1B}`,
    /// so a name cannot break a table row or inject terminal escape sequences.
    static func terminal(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) { return text }  // 0xC2 leads U+0080...U+009F
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Markdown (GitHub-flavoured) table-cell text: `& < >` as entities, Markdown
    /// punctuation (`| \ ` * _ [ ] # ~ !`) backslash-escaped, control characters visible.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "$": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    /// A JSON string literal, quotes included (RFC 8259: `"` `\` and control characters).
    static func json(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""  // The common case: nothing to escape.
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// XML attribute or text content: `& < > " '` as entities, tab/newline/CR as character
    /// references, and the C0 controls XML 1.0 forbids even as references as visible `\u{..}`.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A GitHub Actions workflow-command property value (`title=`): `% \r \n : ,` escaped.
    static func githubProperty(_ text: String) -> String { github(text, escapingSeparators: true) }

    /// A GitHub Actions workflow-command message: `% \r \n` escaped.
    static func githubMessage(_ text: String) -> String { github(text, escapingSeparators: false) }

    /// Workflow-command escaping; properties also escape the `:` and `,` that separate them.
    private static func github(_ text: String, escapingSeparators: Bool) -> String {
        var out = ""
        for character in text {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case "\r\n": out += "%0D%0A"
            case ":" where escapingSeparators: out += "%3A"
            case "," where escapingSeparators: out += "%2C"
            default: out.append(character)
            }
        }
        return out
    }
}
