extension RegexParser {
    /// A class after its `[`: items, ranges and escapes up to the closing `]`.
    mutating func characterClass() throws(LinearRegex.SyntaxError) -> ScalarClass {
        let open = position - 1
        var set = ScalarClass()
        if next == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while let scalar = next {
            if scalar == "]" && !first {
                position += 1
                return set
            }
            first = false
            if scalar == "[" { throw fail("nested classes and [:name:] are not supported; write \\[ for the character") }
            let low = try classMember()
            guard case .scalar(let from) = low else {
                if case .set(let named) = low { set.items += named.items }
                continue
            }
            if next == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                let dash = position
                position += 1
                guard case .scalar(let to) = try classMember() else { throw fail("a range needs a character at both ends", at: dash) }
                guard from.value <= to.value else { throw fail("the range \(from)-\(to) is backwards", at: dash) }
                set.items.append(.range(from.value...to.value))
            } else {
                set.items.append(.range(from.value...from.value))
            }
        }
        throw fail("missing ']' for the '[' at offset \(open)", at: scalars.count)
    }

    /// One scalar or named class inside `[...]`.
    private mutating func classMember() throws(LinearRegex.SyntaxError) -> RegexNode {
        let scalar = scalars[position]
        position += 1
        guard scalar == "\\" else { return .scalar(scalar) }
        let node = try escape(inClass: true)
        if case .set(let named) = node, named.negated {  // \D inside a class: keep it as one item.
            guard case .named(let name, _) = named.items.first else { return node }
            return .set(ScalarClass(items: [.named(name, negated: true)]))
        }
        return node
    }

    /// The escape after a backslash (already consumed).
    mutating func escape(inClass: Bool) throws(LinearRegex.SyntaxError) -> RegexNode {
        let start = position - 1
        guard let letter = next else { throw fail("a pattern cannot end with a backslash", at: start) }
        position += 1
        if let control = Self.controlEscapes[letter] { return .scalar(control) }
        switch letter {
        case "d", "w", "s", "D", "W", "S":
            let named: ScalarClass.Named = letter == "d" || letter == "D" ? .digit : letter == "w" || letter == "W" ? .word : .space
            let upper = letter.properties.isUppercase
            return .set(ScalarClass(items: [.named(named, negated: false)], negated: upper))
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.start)
        case "z" where !inClass: return .assertion(.end)
        case "x", "u": return .scalar(try hexEscape(letter, start: start))
        case "1"..."9", "k", "g":
            throw fail("backreferences are not supported (they cannot be matched in linear time)", at: start)
        default:
            guard letter.isASCII, !letter.properties.isAlphabetic, !("0"..."9").contains(letter) else {
                throw fail("the escape \\\(letter) is not supported", at: start)
            }
            return .scalar(letter)
        }
    }

    /// `\x{1F}`, `\xHH`, `\u{1F600}` or `\uHHHH` after the letter.
    private mutating func hexEscape(_ letter: Unicode.Scalar, start: Int) throws(LinearRegex.SyntaxError) -> Unicode.Scalar {
        var digits = ""
        if next == "{" {
            position += 1
            while let scalar = next, scalar != "}" {
                digits.unicodeScalars.append(scalar)
                position += 1
            }
            guard next == "}" else { throw fail("missing '}' in \\\(letter){...}", at: start) }
            position += 1
        } else {
            let count = letter == "x" ? 2 : 4
            guard position + count <= scalars.count else { throw fail("\\\(letter) needs \(count) hex digits", at: start) }
            for scalar in scalars[position..<position + count] { digits.unicodeScalars.append(scalar) }
            position += count
        }
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            throw fail("\\\(letter) needs hex digits naming a Unicode scalar", at: start)
        }
        return scalar
    }

    static let controlEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "f": "\u{0C}", "v": "\u{0B}", "e": "\u{1B}", "a": "\u{07}", "0": "\u{00}",
    ]
}
