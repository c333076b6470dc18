import Testing
@testable import CLISupport

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("µs", 2), ("é", 1), ("e\u{301}", 1), ("日本", 4), ("한국어", 6), ("ｆｕｌｌ", 8),
        ("🚀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("❤️", 2), ("a\u{200B}b", 2), ("…", 1), ("→", 1),
    ])
    func widths(text: String, columns: Int) {
        #expect(displayWidth(of: text) == columns)
    }

    @Test(arguments: [
        ("a\nb", #"a\nb"#), ("a\r\nb", #"a\r\nb"#), ("a\tb", #"a\tb"#), ("\u{1B}[31mred", #"\u{1B}[31mred"#),
        ("nul\u{0}", #"nul\u{0}"#), ("del\u{7F}", #"del\u{7F}"#), ("a\u{2028}b", #"a\u{2028}b"#), ("\u{85}", #"\u{85}"#),
        ("plain", "plain"), ("µs → 日本 🚀 \\n", "µs → 日本 🚀 \\n"), ("\u{2026}…", "……"),
    ])
    func terminalSafeText(text: String, expected: String) {
        #expect(terminalSafe(text) == expected)
        #expect(terminalSafe(expected) == expected, "escaping is idempotent")
    }

    @Test(arguments: [
        ("hello", 5, "hello"), ("hello", 6, "hello"), ("hello", 4, "hel…"), ("hello", 1, "…"), ("hello", 0, ""),
        ("日本語", 5, "日本…"), ("日本語", 4, "日…"), ("日本語", 6, "日本語"),
    ])
    func truncation(text: String, width: Int, expected: String) {
        #expect(truncated(text, toWidth: width) == expected)
        #expect(displayWidth(of: truncated(text, toWidth: width)) <= width)
    }
}
