/// `text` made safe to print as one terminal line, the one escaper of every text that
/// reaches a terminal (benchmark and metric names, messages, table cells, progress):
/// newline, carriage return and tab become the visible `\n`, `\r`, `\t`; every other C0 or
/// C1 control character (ESC among them, so text cannot smuggle in escape sequences), DEL
/// and the Unicode line and paragraph separators become `\u{1B}`-style escapes. Everything
/// else, including a backslash, is kept, so escaping escaped text changes nothing.
package func terminalSafe(_ text: String) -> String {
    // The common case, nothing to escape: no byte below 0x20, DEL, 0xC2 (which leads
    // U+0080...U+009F) or 0xE2 (which leads U+2028 and U+2029).
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
    return replacingScalars(text) { scalar in
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case _ where isTerminalControl(scalar):
            "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: nil
        }
    }
}

/// Whether a terminal would act on `scalar` rather than show it: a C0 or C1 control
/// character (newline, tab and ESC among them), DEL, or the Unicode line or paragraph
/// separator. `terminalSafe` escapes exactly these; BenchKit refuses benchmark names with one.
package func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
}

/// `text` with every Unicode scalar for which `replacement` returns a string replaced by it,
/// the others kept: the loop of every escaper.
package func replacingScalars(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
    }
    return out
}
