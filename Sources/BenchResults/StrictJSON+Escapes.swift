extension StrictJSON {
    /// What one escape sequence in a JSON string decodes to: its UTF-8 bytes and the offset
    /// just after it, or why it is refused.
    enum EscapeDecoding: Equatable {
        /// The decoded character's UTF-8 bytes; `next` is the offset just after the escape.
        case decoded([UInt8], next: Int)
        /// The text ends inside the escape.
        case truncated
        /// A letter after the backslash that JSON does not define.
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits.
        case invalidHex
        /// A high surrogate without a low one after it, or a low one alone.
        case loneSurrogate
    }

    /// Decodes the escape whose letter (the byte after the backslash) is at `position` in
    /// `text`: the one-letter escapes of `simpleEscapes` and `\uXXXX`, a UTF-16 surrogate pair
    /// (`\uD83D\uDE00`) as one character. The one definition both the strict reader and the
    /// fast results parser decode escapes with.
    static func decodeEscape<Text: RandomAccessCollection<UInt8>>(in text: Text, at position: Int) -> EscapeDecoding
    where Text.Index == Int {
        guard position < text.endIndex else { return .truncated }
        let letter = text[position]
        if let simple = simpleEscapes[letter] { return .decoded([simple], next: position + 1) }
        guard letter == UInt8(ascii: "u") else { return .invalidEscape }
        var next = position + 1
        func hex4() -> UInt32?? {  // nil: truncated; .some(nil): not hexadecimal
            guard next + 4 <= text.endIndex else { return nil }
            var value: UInt32 = 0
            for byte in text[next..<next + 4] {
                guard let digit = hexDigit(byte) else { return .some(nil) }
                value = value << 4 | digit
            }
            next += 4
            return value
        }
        guard let high = hex4() else { return .truncated }
        guard var scalar = high else { return .invalidHex }
        if (0xD800..<0xDC00).contains(scalar) {
            guard text[next...].starts(with: "\\u".utf8) else { return .loneSurrogate }
            next += 2
            guard let lowDigits = hex4() else { return .truncated }
            guard let low = lowDigits else { return .invalidHex }
            guard (0xDC00..<0xE000).contains(low) else { return .loneSurrogate }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { return .loneSurrogate }
        return .decoded(Array(String(Character(unicode)).utf8), next: next)
    }

    /// The value of a hexadecimal digit (`0-9`, `a-f`, `A-F`), nil for any other byte.
    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
