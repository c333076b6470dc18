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
                guard position < end else { return nil }
                let escape = buffer[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < end, buffer[position] == UInt8(ascii: "\\"),
                              buffer[position + 1] == UInt8(ascii: "u") else { return nil }
                        position += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: return nil
                }
            default:
                if byte < 0x20 { return nil }
                bytes.append(byte)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard position + 4 <= end else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A JSON number (RFC 8259 grammar), as a finite Double.
    mutating func number() -> Double? {
        skipWhitespace()
        let start = position
        func digits() -> Int {
            let first = position
            while position < end, buffer[position] >= UInt8(ascii: "0"), buffer[position] <= UInt8(ascii: "9") { position += 1 }
            return position - first
        }
        if position < end, buffer[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || buffer[integerStart] != UInt8(ascii: "0") else { return nil }
        if position < end, buffer[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return nil }
        }
        if position < end, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
            position += 1
            if position < end, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { return nil }
        }
        if let value = clingerFastPath(start, position) { return value }
        // strtod needs a terminated string: copy the (validated) number into a small buffer.
        let length = position - start
        guard length < 64 else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
            return Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { scratch -> Double? in
            for i in 0..<length { scratch[i] = CChar(bitPattern: buffer[start + i]) }
            scratch[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(scratch.baseAddress!, &endPointer)
            guard let endPointer, endPointer == scratch.baseAddress! + length else { return nil }
            return value
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// Powers of ten that are exact in a Double (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of the already validated JSON number in `start..<end` when it can be
    /// computed exactly with one correctly rounded operation (Clinger's fast path: at most
    /// 2^53 as an integer mantissa, and a decimal exponent within ±22, where 10^e is exact);
    /// `nil` otherwise (the caller falls back to `strtod`).
    /// Reference: W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990.
    func clingerFastPath(_ start: Int, _ end: Int) -> Double? {
        var index = start
        var negative = false
        if buffer[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var inFraction = false
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { exponent -= 1 }
            } else {
                return nil  // An exponent part: leave it to strtod.
            }
            index += 1
        }
        guard abs(exponent) <= 22 else { return nil }
        var value = Double(mantissa)  // exact: < 10^15 < 2^53
        value = exponent < 0 ? value / Self.exactPowersOfTen[-exponent] : value * Self.exactPowersOfTen[exponent]
        return negative ? -value : value
    }

    /// A JSON integer that fits an Int.
    mutating func integer() -> Int? {
        guard let value = number(), value == value.rounded(), abs(value) < 9e15 else { return nil }
        return Int(value)
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

    /// Parses an object, calling `member` with each key (positioned at the value).
    mutating func object(_ member: (inout FastJSONParser, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
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
