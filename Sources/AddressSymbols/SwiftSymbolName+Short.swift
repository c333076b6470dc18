extension SwiftSymbolName {
    /// A short form of a demangled Swift name, the way a reader names the function:
    /// argument labels instead of types, no return type, no module prefix, and the
    /// compiler's wrappers (async resume partials, specializations, private discriminators,
    /// closure signatures) removed.
    ///
    ///     short("static FixtureBenchmarks.Sites.f() -> ()", module: "FixtureBenchmarks")   // "Sites.f()"
    ///     short("Swift.Array.init(repeating: A, count: Swift.Int) -> [A]", module: "Swift") // "Array.init(repeating:count:)"
    ///     short("closure #1 (BenchKit.Bench) async -> () in static M.T.register(BenchKit.Suite) -> ()", module: "M")
    ///                                                                                     // "closure #1 in T.register(_:)"
    ///
    /// Text it does not recognise is returned with only what it does recognise removed.
    package static func short(_ demangled: String, module: String?) -> String {
        var text = Substring(demangled)
        stripWrappers(&text)
        if text.hasPrefix("closure #") || text.hasPrefix("implicit closure #") {
            let head = text.hasPrefix("implicit") ? "implicit closure " : "closure "
            let afterHead = text.dropFirst(head.count)
            let ordinal = afterHead.prefix { $0 != " " }
            if let inRange = topLevelRange(of: " in ", in: afterHead) {
                return head + ordinal + " in " + short(String(afterHead[inRange.upperBound...]), module: module)
            }
            return head + ordinal
        }
        if let arrow = topLevelRange(of: " -> ", in: text) { text = text[..<arrow.lowerBound] }
        if let colon = topLevelRange(of: " : ", in: text) { text = text[..<colon.lowerBound] }
        for effect in [" throws", " rethrows", " async"] where text.hasSuffix(effect) { text = text.dropLast(effect.count) }
        var result = removingGenericClauses(removingDiscriminators(String(text)))
        result = labelsOnly(result)
        if let module, result.hasPrefix(module + ".") { result.removeFirst(module.count + 1) }
        return result
    }

    /// Drops the prefixes the compiler puts before the entity a symbol implements.
    private static func stripWrappers(_ text: inout Substring) {
        var changed = true
        while changed {
            changed = false
            for prefix in ["static ", "@objc ", "specialized ", "merged ", "partial apply forwarder for ", "outlined copy of "]
            where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count)
                changed = true
            }
            if text.hasPrefix("("), let close = text.firstIndex(of: ")"), text[text.index(after: close)...].hasPrefix(" "),
               let forRange = text.firstRange(of: " partial function for "), text[..<forRange.lowerBound].contains("resume") {
                text = text[forRange.upperBound...]
                changed = true
            }
            // `generic specialization <...> of`, `function signature specialization <...> of`:
            // the demangler's parameter text is not always balanced, so look for `> of `.
            if let marker = text.firstRange(of: "specialization <"), !text[..<marker.lowerBound].contains("("),
               let of = text[marker.upperBound...].firstRange(of: "> of ") {
                text = text[of.upperBound...]
                changed = true
            }
            if text.hasPrefix("(extension in "), let close = text.firstRange(of: "):") {
                text = text[close.upperBound...]
                changed = true
            }
        }
    }

    /// `Array<A where A: Encodable>.encode<B>(_: B)` becomes `Array.encode(_: B)`: generic
    /// clauses outside parentheses are dropped.
    private static func removingGenericClauses(_ text: String) -> String {
        var result = ""
        var angle = 0, paren = 0
        var previous: Character = " "
        for character in text {
            switch character {
            case "(": paren += 1
            case ")": paren -= 1
            case "<" where paren == 0: angle += 1
            case ">" where paren == 0 && previous != "-":
                angle -= 1
                previous = character
                continue
            default: break
            }
            previous = character
            if angle == 0 { result.append(character) }
        }
        return angle == 0 ? result : text
    }

    /// `T.(name in _0123ABCD)` becomes `T.name`.
    private static func removingDiscriminators(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: ".(") {
            result += rest[..<open.lowerBound] + "."
            let inside = rest[open.upperBound...]
            guard let space = inside.firstRange(of: " in _"), let close = inside[space.upperBound...].firstIndex(of: ")") else {
                result += "("
                rest = inside
                continue
            }
            result += inside[..<space.lowerBound]
            rest = inside[inside.index(after: close)...]
        }
        return result + rest
    }

    /// The last top-level parameter list `(a: T, U)` becomes `(a:_:)`.
    private static func labelsOnly(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = matchingOpen(in: text) else { return text }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        if inside.isEmpty { return text }
        let labels = splitTopLevel(inside, by: ",").map { parameter -> String in
            let trimmed = parameter.drop { $0 == " " }
            if let colon = topLevelRange(of: ": ", in: trimmed), !trimmed[..<colon.lowerBound].contains(" ") {
                return trimmed[..<colon.lowerBound] + ":"
            }
            return "_:"
        }
        return text[..<open] + "(" + labels.joined() + ")"
    }

    /// The index of the `(` that the final `)` of `text` closes.
    private static func matchingOpen(in text: String) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            let isArrow = text[index] == ">" && index > text.startIndex && text[text.index(before: index)] == "-"
            switch text[index] {
            case ")", "]": depth += 1
            case ">": if !isArrow { depth += 1 }
            case "(", "[", "<":
                depth -= 1
                if depth == 0 { return text[index] == "(" ? index : nil }
            default: break
            }
        }
        return nil
    }

    /// The first occurrence of `needle` outside brackets (`()`, `[]`, `<>`).
    static func topLevelRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        var depth = 0
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if depth == 0 && text[index...].hasPrefix(needle) { return index..<text.index(index, offsetBy: needle.count) }
            if character == "(" || character == "[" || character == "<" { depth += 1 }
            // The `>` of an arrow `->` closes nothing.
            if character == ")" || character == "]" || (character == ">" && previous != "-") { depth = max(0, depth - 1) }
            previous = character
            index = text.index(after: index)
        }
        return nil
    }

    /// `text` split at top-level occurrences of `separator`.
    private static func splitTopLevel(_ text: Substring, by separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = text
        while let range = topLevelRange(of: separator, in: rest) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        return parts + [rest]
    }
}
