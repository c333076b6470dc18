extension StrictJSONChecker {
    /// A string at `position` (the opening quote); returns its value (keys are compared).
    mutating func string() throws(StrictJSON.Violation) -> String {
        let start = position
        position += 1
        var decoded: [UInt8] = []
        var segment = position
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                decoded += bytes[segment..<position]
                position += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw violation("the string is not valid UTF-8", at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                decoded += bytes[segment..<position]
                try escape(into: &decoded)
                segment = position
            case 0..<0x20:
                throw violation("a raw control character (byte 0x\(String(byte, radix: 16))) in a string; escape it")
            default:
                position += 1
            }
        }
        throw truncated(inString: true)
    }

    /// One escape at `position` (the backslash), appended to `decoded` as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(StrictJSON.Violation) {
        let start = position
        switch StrictJSON.decodeEscape(in: bytes, at: position + 1) {
        case .decoded(let character, let next):
            decoded += character
            position = next
        case .truncated: throw truncated(inString: true)
        case .invalidEscape: throw violation("an invalid escape in a string", at: start)
        case .invalidHex: throw violation("an invalid \\u escape (four hex digits expected)", at: start)
        case .loneSurrogate: throw violation("a lone surrogate escape", at: start)
        }
    }

    /// A number at `position`: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`, within a
    /// Double's range; returns its value.
    mutating func number() throws(StrictJSON.Violation) -> Double {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        if integerDigits == 0 { throw violation("a number needs a digit after '-' (found \(describeNext()))") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw violation("a number with a leading zero", at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            if digits() == 0 { throw violation("a number needs a digit after '.'") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            if digits() == 0 { throw violation("a number needs a digit in its exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw violation("the number \(text.prefix(40)) is beyond the range of a Double", at: start)
        }
        return value
    }

    /// `true`, `false` or `null` at `position`; returns `value`.
    mutating func literal(_ word: String, _ value: JSONValue) throws(StrictJSON.Violation) -> JSONValue {
        guard bytes[position...].starts(with: word.utf8) else { throw violation("expected a value, found \(describeNext())") }
        position += word.utf8.count
        return value
    }
}
