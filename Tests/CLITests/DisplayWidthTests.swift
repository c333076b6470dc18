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
        ("a\nb", "a b"), ("a\r\nb", "a b"), ("a\tb", "a b"), ("\u{1B}[31mred", "?[31mred"), ("nul\u{0}", "nul?"),
        ("a\u{2028}b", "a b"), ("plain", "plain"), ("\u{85}", " "),
    ])
    func terminalSafeText(text: String, expected: String) {
        #expect(terminalSafe(text) == expected)
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
