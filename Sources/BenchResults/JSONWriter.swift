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
            container("[", "]", elements.lazy.map { (nil, Member.value($0)) }, expanded: expanded ?? expandsRoot, level: level, to: &out)
        case .object(let members):
            container("{", "}", ordered(members).lazy.map { ($0.key, Member.value($0.value)) }, expanded: expanded ?? expandsRoot,
                      level: level, to: &out)
        }
    }

    /// Appends the object of `members` to `out` as `write(.object(members))` would, except
    /// that the value of the member named `key` is the array of `elements`, made one at a time
    /// as it is written: a long array (the verdict's benchmarks) is never held whole as a tree.
    package func writeObject(
        _ members: [(key: String, value: JSONValue)], streaming key: String, elements: AnyCollection<JSONValue>, to out: inout String
    ) {
        let streamed = ordered(members).lazy.map { member -> (String?, Member) in
            (member.key, member.key == key ? Member.elements(elements) : Member.value(member.value))
        }
        container("{", "}", streamed, expanded: expandsRoot, level: 0, to: &out)
    }

    /// A member of a container being written: a value, or an array made as it is written.
    private enum Member {
        case value(JSONValue)
        case elements(AnyCollection<JSONValue>)
    }

    /// `members` in the order the style writes them.
    private func ordered(_ members: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        style.sortedKeys ? members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : members
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

    private func container<Members: Collection<(String?, Member)>>(
        _ open: String, _ close: String, _ members: Members, expanded: Bool, level: Int, to out: inout String
    ) {
        let indent = String(repeating: " ", count: 2 * level)
        guard !members.isEmpty else { return out += expanded && style.blankEmpty ? open + "\n\n" + indent + close : open + close }
        out += open
        let inner = expanded ? level + 1 : level
        let innerIndent = "\n" + String(repeating: " ", count: 2 * inner)
        for (index, (key, member)) in members.enumerated() {
            if index > 0 { out += expanded ? "," : style.comma }
            if expanded {
                out += innerIndent
            } else if index == 0, style.padded {
                out += " "
            }
            if let key {
                Self.appendString(key, to: &out)
                out += style.colon
            }
            switch member {
            case .value(let value):
                write(value, to: &out, expanded: expands(key), level: inner)
            case .elements(let elements):
                container("[", "]", elements.lazy.map { (nil, Member.value($0)) }, expanded: expands(key), level: inner, to: &out)
            }
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
