import Testing
@testable import BenchResults

/// `StrictJSON.decodeEscape`, the one decoder of string escapes the strict reader and the
/// fast results parser share, against known values.
@Suite struct EscapeDecodingTests {
    /// Decodes the escape of `text` (its first byte is the backslash).
    func decode(_ text: String) -> StrictJSON.EscapeDecoding {
        StrictJSON.decodeEscape(in: Array(text.utf8), at: 1)
    }

    @Test func oneLetterEscapes() {
        for (letter, byte) in [("n", 0x0A), ("t", 0x09), ("r", 0x0D), ("b", 0x08), ("f", 0x0C), ("\"", 0x22), ("\\", 0x5C), ("/", 0x2F)] {
            #expect(decode("\\" + letter + "rest") == .decoded([UInt8(byte)], next: 2), "\\\(letter)")
        }
    }

    @Test func unicodeEscapes() {
        #expect(decode("\\u00e9") == .decoded(Array("é".utf8), next: 6))
        #expect(decode("\\u00E9x") == .decoded(Array("é".utf8), next: 6))
        #expect(decode("\\u0000") == .decoded([0], next: 6))
        #expect(decode("\\ud83d\\ude00") == .decoded(Array("😀".utf8), next: 12))
    }

    @Test func refusals() {
        #expect(decode("\\") == .truncated)
        #expect(decode("\\u00e") == .truncated)
        #expect(decode("\\ud83d\\ude0") == .truncated)
        #expect(decode("\\x41") == .invalidEscape)
        #expect(decode("\\u00g9") == .invalidHex)
        #expect(decode("\\ud83d\\u00zz") == .invalidHex)
        #expect(decode("\\ud83dx") == .loneSurrogate)
        #expect(decode("\\ud83d\\u0041") == .loneSurrogate)
        #expect(decode("\\ude00") == .loneSurrogate)
    }
}
