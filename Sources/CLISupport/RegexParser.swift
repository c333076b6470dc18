/// Parses the pattern syntax `LinearRegex` documents into a `RegexNode` tree, refusing
/// everything else by name.
struct RegexParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    var depth = 0

    /// The deepest group nesting accepted (the parser recurses per group).
    static let maximumDepth = 100
    /// The largest count accepted in `{n,m}`.
    static let maximumCount = 1000

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    func fail(_ problem: String, at offset: Int? = nil) -> LinearRegex.SyntaxError {
        LinearRegex.SyntaxError(problem: problem, offset: offset ?? position)
    }

    var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func parse() throws(LinearRegex.SyntaxError) -> RegexNode {
        let node = try alternation()
        if next == ")" { throw fail("an unmatched ')'") }
        return node
    }

    mutating func alternation() throws(LinearRegex.SyntaxError) -> RegexNode {
        var branches = [try concatenation()]
        while next == "|" {
            position += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func concatenation() throws(LinearRegex.SyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            let start = position
            let atom = try self.atom()
            items.append(try quantified(atom, start: start))
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concatenation(items)
    }

    mutating func atom() throws(LinearRegex.SyntaxError) -> RegexNode {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(": return try group()
        case "[": return .set(try characterClass())
        case ".": return .set(.dot)
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case "\\": return try escape(inClass: false)
        case "*", "+", "?": throw fail("'\(scalar)' has nothing to repeat", at: position - 1)
        case "{": throw fail("'{' has nothing to repeat; write \\{ for the character", at: position - 1)
        default: return .scalar(scalar)
        }
    }

    mutating func group() throws(LinearRegex.SyntaxError) -> RegexNode {
        let open = position - 1
        if next == "?" {
            guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                throw fail("'(?' groups other than '(?:' (lookaround, flags, named groups) are not supported", at: open)
            }
            position += 2
        }
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("groups nested more than \(Self.maximumDepth) deep", at: open) }
        let inner = try alternation()
        depth -= 1
        guard next == ")" else { throw fail("missing ')' for the '(' at offset \(open)", at: scalars.count) }
        position += 1
        return inner
    }

    /// A quantifier after `atom`, if any (and a lazy `?` after it, which matches the same).
    mutating func quantified(_ atom: RegexNode, start: Int) throws(LinearRegex.SyntaxError) -> RegexNode {
        guard let bounds = try quantifier() else { return atom }
        if case .assertion = atom { throw fail("an anchor or boundary cannot be repeated", at: start) }
        if next == "?" { position += 1 }
        if next == "+" { throw fail("possessive quantifiers ('*+', '++'...) are not supported") }
        if next == "*" || next == "+" || next == "?" || next == "{" {
            throw fail("a quantifier cannot follow another; group the first, as in (a*)*")
        }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    mutating func quantifier() throws(LinearRegex.SyntaxError) -> (min: Int, max: Int?)? {
        switch next {
        case "*": position += 1; return (0, nil)
        case "+": position += 1; return (1, nil)
        case "?": position += 1; return (0, 1)
        case "{": return try counted()
        default: return nil
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at `position`.
    mutating func counted() throws(LinearRegex.SyntaxError) -> (min: Int, max: Int?) {
        let open = position
        position += 1
        let low = number()
        var high = low
        if next == "," {
            position += 1
            high = next == "}" ? nil : number()
            if high == nil && next != "}" { throw fail("'{' must start a count like {2,5}; write \\{ for the character", at: open) }
        }
        guard let low, next == "}" else { throw fail("'{' must start a count like {2,5}; write \\{ for the character", at: open) }
        position += 1
        if let high, high < low { throw fail("the count {\(low),\(high)} is backwards", at: open) }
        guard max(low, high ?? 0) <= Self.maximumCount else { throw fail("counts above \(Self.maximumCount) are not supported", at: open) }
        return (low, high)
    }

    mutating func number() -> Int? {
        var value: Int?
        while let scalar = next, ("0"..."9").contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar.value - 0x30), 1_000_000)
            position += 1
        }
        return value
    }
}
