/// The number of terminal columns `text` occupies, as `Character.terminalWidth` summed.
///
/// `text` must not contain escape sequences: callers measure plain text and colour it
/// afterwards (see `TextTable`).
///
/// Printable ASCII (the common case: names, numbers, units) is one column per byte and is
/// counted without looking at characters.
package func displayWidth(of text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.reduce(0) { $0 + $1.terminalWidth }
}

/// `text` cut to at most `width` columns, ending in `…` when something was cut.
func truncated(_ text: String, toWidth width: Int) -> String {
    guard displayWidth(of: text) > width else { return text }
    guard width > 0 else { return "" }
    var result = ""
    var used = 0
    for character in text {
        let next = character.terminalWidth
        if used + next > width - 1 { break }
        result.append(character)
        used += next
    }
    return result + "…"
}

extension Character {
    /// The columns this character takes in a terminal: 2 for East Asian wide and fullwidth
    /// characters and emoji, 0 for format characters and lone combining marks, otherwise 1.
    ///
    /// This is an approximation of Unicode's East Asian Width (UAX #11) that covers the main
    /// CJK, Hangul and fullwidth blocks and emoji presentation; terminals themselves disagree
    /// on the rest. Control characters count as 1 (see `terminalSafe`).
    var terminalWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.isEmojiPresentation || scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if Self.wideRanges.contains(where: { $0.contains(first.value) }) { return 2 }
        switch first.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark: return 0
        default: return 1
        }
    }

    /// Code point ranges whose East Asian Width is Wide or Fullwidth (the large blocks).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, CJK compatibility
        0x3400...0x4DBF,   // CJK Extension A
        0x4E00...0x9FFF,   // CJK Unified Ideographs
        0xA000...0xA4CF,   // Yi
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE30...0xFE4F,   // CJK compatibility forms
        0xFF00...0xFF60,   // Fullwidth forms
        0xFFE0...0xFFE6,   // Fullwidth signs
        0x20000...0x2FFFD, // CJK Extensions B-F
        0x30000...0x3FFFD, // CJK Extension G and later
    ]
}
