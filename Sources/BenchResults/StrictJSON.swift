/// The one definition of the JSON memgate reads: RFC 8259 and nothing more, and the one
/// parser of memgate's small documents (`parse`, into a `JSONValue`). Every memgate document
/// (results files and child reports, the config file, each history line) passes this check
/// or is refused with the line, the column and what is wrong:
///
///     try StrictJSON.check(Array(#"{"a": 1, "a": 2}"#.utf8))
///     // throws: line 1, column 10: duplicate key "a" in the top-level object (first at line 1, column 2)
///
/// Refused, beyond what the grammar forbids: a key repeated in one object (readers would
/// keep the last one silently), trailing commas, comments, `NaN`/`Infinity`, leading zeros,
/// single-quoted strings, text after the document, invalid UTF-8, lone surrogate escapes,
/// numbers beyond a Double's range, and nesting deeper than `maximumNesting`. Keys are
/// compared as Swift strings compare (canonical equivalence), as the decoders that build
/// dictionaries from them do.
///
/// - Complexity: O(n), one pass; recursion is bounded by `maximumNesting`.
package enum StrictJSON {
    /// Why a document is not strict JSON: where (1-based line and column, in bytes) and what.
    package struct Violation: Error, Equatable, CustomStringConvertible {
        /// The 1-based line of the offending byte.
        package var line: Int
        /// The 1-based column (in bytes) of the offending byte.
        package var column: Int
        /// What is wrong, starting with "not valid JSON".
        package var problem: String

        /// `line 3, column 7` (the place, without the problem).
        package var place: String { "line \(line), column \(column)" }

        package var description: String { "\(place): \(problem)" }
    }

    /// The one-letter escapes after a backslash and the byte each stands for (`\u` apart).
    static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    /// Checks that `bytes` hold exactly one strict JSON value (see the type's summary).
    ///
    /// - Parameters:
    ///   - bytes: the document, UTF-8.
    ///   - maximumNesting: the deepest nesting of arrays and objects accepted.
    ///   - unit: what the text is called in truncation messages (`"file"`, `"line"`).
    /// - Throws: the first `Violation`.
    package static func check(_ bytes: [UInt8], maximumNesting: Int = 64, unit: String = "file") throws(Violation) {
        var checker = StrictJSONChecker(bytes: bytes, maximumNesting: maximumNesting, unit: unit, buildsTree: false)
        _ = try checker.document()
    }

    /// The value `bytes` hold, read by the same strict rules as `check` (this is the one
    /// parser: `check` runs it without keeping the tree, so a large results file that the
    /// fast parser refused costs no second copy). Objects keep the file's key order.
    ///
    /// - Throws: the first `Violation`, as `check` would.
    package static func parse(_ bytes: [UInt8], maximumNesting: Int = 64, unit: String = "file") throws(Violation) -> JSONValue {
        var checker = StrictJSONChecker(bytes: bytes, maximumNesting: maximumNesting, unit: unit, buildsTree: true)
        return try checker.document()
    }
}

extension StrictJSON.Violation {
    /// The violation at byte `offset` of `bytes`, with its line and column counted.
    init(at offset: Int, in bytes: [UInt8], problem: String) {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.init(line: line, column: offset - lineStart + 1, problem: "not valid JSON: " + problem)
    }
}

/// The recursive-descent parser behind `StrictJSON.parse` and `check`: besides the tree, it
/// keeps the keys of the open objects (to find duplicates) and the path to the current value
/// (for messages).
struct StrictJSONChecker {
    let bytes: [UInt8]
    let maximumNesting: Int
    let unit: String
    /// Whether arrays and objects keep their elements (`parse`) or come back empty (`check`).
    let buildsTree: Bool
    var position = 0
    /// The keys and array indices from the root to the current value.
    var path: [PathStep] = []
    /// How many arrays and objects are open.
    var open = 0

    enum PathStep {
        case key(String)
        case index(Int)
    }

    init(bytes: [UInt8], maximumNesting: Int, unit: String, buildsTree: Bool) {
        self.bytes = bytes
        self.maximumNesting = maximumNesting
        self.unit = unit
        self.buildsTree = buildsTree
    }

    /// `benchmarks[0].metrics`, or `the top-level object`/`array` at the root.
    var pathText: String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    func violation(_ problem: String, at offset: Int? = nil) -> StrictJSON.Violation {
        StrictJSON.Violation(at: offset ?? position, in: bytes, problem: problem)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// The next byte after whitespace; at the end of the text, a truncation violation.
    mutating func next() throws(StrictJSON.Violation) -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw truncated(inString: false) }
        return bytes[position]
    }

    /// The document ended too early: said so, as a truncated file is the usual cause.
    func truncated(inString: Bool) -> StrictJSON.Violation {
        let state = inString
            ? "inside a string"
            : position == 0 || bytes.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) })
            ? "before any value" : "with \(open) array\(open == 1 ? "" : "s") or object\(open == 1 ? "" : "s") still open"
        return violation("the \(unit) ends \(state); it looks truncated (an interrupted write or copy?)", at: bytes.count)
    }

    mutating func document() throws(StrictJSON.Violation) -> JSONValue {
        skipWhitespace()
        if position == bytes.count { throw violation("the \(unit) holds no JSON value") }
        let root = try value(depth: 0)
        skipWhitespace()
        if position < bytes.count { throw violation("unexpected text after the JSON value (\(describeNext()))") }
        return root
    }

    mutating func value(depth: Int) throws(StrictJSON.Violation) -> JSONValue {
        let byte = try next()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < maximumNesting else { throw violation("nested more than \(maximumNesting) levels deep") }
            return byte == UInt8(ascii: "{") ? try object(depth: depth + 1) : try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: throw violation("expected a value, found \(describeNext())")
        }
    }

    mutating func object(depth: Int) throws(StrictJSON.Violation) -> JSONValue {
        position += 1  // {
        open += 1
        defer { open -= 1 }
        if try next() == UInt8(ascii: "}") {
            position += 1
            return .object([])
        }
        var members: [(key: String, value: JSONValue)] = []
        var seen: [String: Int] = [:]
        while true {
            guard try next() == UInt8(ascii: "\"") else {
                throw violation(seen.isEmpty ? "expected a key in double quotes, found \(describeNext())"
                    : "trailing comma or a key not in double quotes (found \(describeNext()))")
            }
            let keyStart = position
            let key = try string()
            if let first = seen[key] {
                let firstPlace = StrictJSON.Violation(at: first, in: bytes, problem: "").place
                let container = path.isEmpty ? "the top-level object" : pathText
                throw violation("duplicate key \"\(key)\" in \(container) (first at \(firstPlace))", at: keyStart)
            }
            seen[key] = keyStart
            guard try next() == UInt8(ascii: ":") else { throw violation("expected ':' after key \"\(key)\", found \(describeNext())") }
            position += 1
            path.append(.key(key))
            let member = try value(depth: depth)
            if buildsTree { members.append((key, member)) }
            path.removeLast()
            let separator = try next()
            position += 1
            if separator == UInt8(ascii: "}") { return .object(members) }
            guard separator == UInt8(ascii: ",") else {
                position -= 1
                throw violation("expected ',' or '}' in an object, found \(describeNext())")
            }
        }
    }

    mutating func array(depth: Int) throws(StrictJSON.Violation) -> JSONValue {
        position += 1  // [
        open += 1
        defer { open -= 1 }
        if try next() == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        var index = 0
        while true {
            if try next() == UInt8(ascii: "]") { throw violation("trailing comma before ']'") }
            path.append(.index(index))
            let element = try value(depth: depth)
            if buildsTree { elements.append(element) }
            path.removeLast()
            let separator = try next()
            position += 1
            if separator == UInt8(ascii: "]") { return .array(elements) }
            guard separator == UInt8(ascii: ",") else {
                position -= 1
                throw violation("expected ',' or ']' in an array, found \(describeNext())")
            }
            index += 1
        }
    }

    /// Names what is at `position` for a message: `'/'` (a comment?), `NaN`, a character.
    func describeNext() -> String {
        guard position < bytes.count else { return "the end" }
        let rest = bytes[position...]
        for word in ["NaN", "Infinity", "-Infinity", "undefined"] where rest.starts(with: word.utf8) {
            return "\(word) (not a JSON value)"
        }
        switch bytes[position] {
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return "a comment (JSON has none)"
        case UInt8(ascii: "'"): return "a single quote (JSON strings use double quotes)"
        case UInt8(ascii: ","): return "','"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(bytes[position])))'"
        default: return "byte 0x\(String(bytes[position], radix: 16))"
        }
    }
}
