/// The one JSON writer of memgate's own documents, and the one definition of how a string
/// and a number are written as JSON (RFC 8259):
///
///     JSONWriter.string("a\"b\n\u{1}")    // "a\"b\n\u0001" (quotes included)
///     JSONWriter.number(3.0)              // 3
///     JSONWriter.number(0.1)              // 0.1
///     JSONValue.object([("a", .number(1))]).written(.readable())   // {\n  "a": 1\n}
///
/// Strings: `"` and `\` backslash-escaped, line feed, carriage return and tab as `\n` `\r`
/// `\t`, other C0 controls as `\u00XX` (lowercase hex); everything else, `/` and non-ASCII
/// included, as it is. Numbers: integral values without a fraction (`-0` as `0`), others in
/// Swift's shortest round-tripping form (`0.1`, `1e-07`, `2.5e+20`); NaN and infinities,
/// which JSON lacks, as `null`. Results files are written by `ResultsFile.jsonBytes`.
package struct JSONWriter {
    /// The layout.
    package let style: JSONStyle

    /// A writer laying values out in `style`.
    package init(style: JSONStyle) { self.style = style }

    /// `text` as a JSON string literal, quotes included.
    package static func string(_ text: String) -> String {
        var out = ""
        appendString(text, to: &out)
        return out
    }

    /// `value` as a JSON number (see the type's summary); `null` when not finite.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Appends `text` as a JSON string literal to `out`.
    package static func appendString(_ text: String, to out: inout String) {
        out += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text  // The common case: nothing to escape.
            return out += "\""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Appends `value` to `out`, laid out in `style`; `level` is the number of expanded
    /// containers around it.
    package func write(_ value: JSONValue, to out: inout String, expanded: Bool? = nil, level: Int = 0) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += Self.number(number)
        case .string(let text): Self.appendString(text, to: &out)
        case .array(let elements):
            container("[", "]", elements.map { (nil, $0) }, expanded: expanded ?? expandsRoot, level: level, to: &out)
        case .object(let members):
            let ordered = style.sortedKeys ? members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : members
            container("{", "}", ordered.map { ($0.key, $0.value) }, expanded: expanded ?? expandsRoot, level: level, to: &out)
        }
    }

    private var expandsRoot: Bool {
        if case .none = style.expansion { return false }
        return true
    }

    private func expands(_ key: String?) -> Bool {
        switch style.expansion {
        case .none: false
        case .all: true
        case .keys(let keys): key.map(keys.contains) ?? false
        }
    }

    private func container(
        _ open: String, _ close: String, _ members: [(String?, JSONValue)], expanded: Bool, level: Int, to out: inout String
    ) {
        let indent = String(repeating: " ", count: 2 * level)
        guard !members.isEmpty else { return out += expanded && style.blankEmpty ? open + "\n\n" + indent + close : open + close }
        out += open
        let inner = expanded ? level + 1 : level
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += expanded ? "," : style.comma }
            if expanded {
                out += "\n" + String(repeating: " ", count: 2 * inner)
            } else if index == 0, style.padded {
                out += " "
            }
            if let key {
                Self.appendString(key, to: &out)
                out += style.colon
            }
            write(value, to: &out, expanded: expands(key), level: inner)
        }
        out += expanded ? "\n" + indent + close : (style.padded ? " " : "") + close
    }
}

extension JSONValue {
    /// This value as JSON text laid out in `style` (no line break at the end).
    package func written(_ style: JSONStyle) -> String {
        var out = ""
        JSONWriter(style: style).write(self, to: &out)
        return out
    }
}
