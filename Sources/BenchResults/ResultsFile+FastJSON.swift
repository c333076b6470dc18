#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ResultsFile {
    /// Decodes a results document with a hand-written parser specialised for the results
    /// schema, about 10x faster than `JSONDecoder` on large files (measured in
    /// docs/performance.md). Returns `nil` on anything it does not accept — invalid JSON,
    /// a wrong type, an unknown format or schema — so the caller can fall back to
    /// `decode(json:path:)`, which produces the precise error. It never accepts a document
    /// that `JSONDecoder` would reject: strings must be valid UTF-8 without raw control
    /// characters, numbers must follow the JSON grammar, and every required field and type
    /// is checked. Unknown fields are skipped, as the decoder ignores them. The result is
    /// not validated; callers run `validate()`.
    ///
    /// - Complexity: O(n); recursion is bounded by `maximumNesting` (deeper input returns nil).
    static func decodeFast(_ bytes: [UInt8]) -> ResultsFile? {
        bytes.withUnsafeBufferPointer { buffer -> ResultsFile? in
            var parser = FastJSONParser(buffer: buffer, end: bytes.count)
            return parser.resultsFile()
        }
    }
}

/// A recursive-descent reader over UTF-8 bytes that builds `ResultsFile` directly.
/// Every method returns `nil` (or false) on anything unexpected.
struct FastJSONParser {
    let buffer: UnsafeBufferPointer<UInt8>
    let end: Int
    var position = 0
    /// The keys seen so far in each open object, outermost first; reused, so an object
    /// costs no allocation once the parser has been as deep before.
    var openKeys: [ObjectKeys] = []
    var openObjects = 0

    init(buffer: UnsafeBufferPointer<UInt8>, end: Int) {
        self.buffer = buffer
        self.end = end
    }

    // MARK: Lexing

    mutating func skipWhitespace() {
        while position < end {
            let byte = buffer[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// Consumes `byte` after optional whitespace.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < end, buffer[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < end ? buffer[position] : nil
    }

    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var ascii = true
        while position < end {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: buffer[start..<position])
                position += 1
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = start
                return escapedString()
            }
            if byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        return nil
    }

    /// The slow path for strings with escapes; `position` is just after the opening quote.
    mutating func escapedString() -> String? {
        var bytes: [UInt8] = []
        while position < end {
            let byte = buffer[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard case .decoded(let decoded, let next) = StrictJSON.decodeEscape(in: buffer[..<end], at: position) else {
                    return nil
                }
                bytes += decoded
                position = next
            default:
                if byte < 0x20 { return nil }
                bytes.append(byte)
            }
        }
        return nil
    }

    mutating func literal(_ text: StaticString) -> Bool {
        skipWhitespace()
        let count = text.utf8CodeUnitCount
        guard position + count <= end else { return false }
        for i in 0..<count where buffer[position + i] != text.utf8Start[i] { return false }
        position += count
        return true
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Whether the next value is `null` (consumed if so).
    mutating func null() -> Bool { literal("null") }

    /// Skips any value, nesting at most `ResultsFile.maximumNesting` deep.
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < ResultsFile.maximumNesting, let next = peek() else { return false }
        switch next {
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "{"):
            return object { parser, _ in parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            return array { parser in parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return bool() != nil
        case UInt8(ascii: "n"): return null()
        default: return number() != nil
        }
    }

    /// Parses an object, calling `member` with each key (positioned at the value). A key
    /// repeated in one object fails it (strict JSON: see `StrictJSON`).
    mutating func object(_ member: (inout FastJSONParser, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        let level = openObjects
        if openKeys.count == level { openKeys.append(ObjectKeys()) } else { openKeys[level].removeAll() }
        openObjects += 1
        defer { openObjects -= 1 }
        repeat {
            guard let key = string(), openKeys[level].insert(key), consume(UInt8(ascii: ":")), member(&self, key) else {
                return false
            }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// Parses an array, calling `element` for each element.
    mutating func array(_ element: (inout FastJSONParser) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]"))
    }

    mutating func doubles() -> [Double]? {
        var values: [Double] = []
        let ok = array { parser in
            guard let value = parser.number() else { return false }
            values.append(value)
            return true
        }
        return ok ? values : nil
    }
}
