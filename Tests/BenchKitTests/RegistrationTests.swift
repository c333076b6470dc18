@testable import BenchKit
import Testing

/// Names are checked at registration and refused, as a usage error when the executable
/// starts, when `--list` (one name per line) or a report could not show them as themselves.
@Suite struct RegistrationTests {
    /// A suite with one benchmark per name, each with an empty body.
    static func suite(_ names: [String]) -> Suite {
        let suite = Suite()
        for name in names { suite.benchmark(name) { b in for _ in b.loop {} } }
        return suite
    }

    /// Names as hostile as the gate's report fixtures (quotes, spaces, markup, bidi override,
    /// emoji with joiners, `/`) are fine.
    @Test func hostileButPrintableNamesAreAccepted() {
        let names = [
            "sort/n=1000", "quotes \"double\" 'single' `back`", "<script>alert(1)</script>", "&amp; a,b=c",
            "مقارنة/עברית \u{202E}desrever txet", "🚀 rocket/👩‍💻 coder/🇩🇪", "back\\slash", "é/ü",
        ]
        #expect(Self.suite(names).registrationProblems.isEmpty)
    }

    /// Refused with the name as a terminal shows it (escaped) and the first control character.
    @Test(arguments: [
        ("a\nb", "a\\nb", "\\n"), ("a\r\nb", "a\\r\\nb", "\\r"), ("tab\there", "tab\\there", "\\t"),
        ("\u{1B}[31mred", "\\u{1B}[31mred", "\\u{1B}"), ("nul\u{0}", "nul\\u{0}", "\\u{0}"), ("del\u{7F}", "del\\u{7F}", "\\u{7F}"),
        ("next\u{85}", "next\\u{85}", "\\u{85}"), ("line\u{2028}separator", "line\\u{2028}separator", "\\u{2028}"),
    ])
    func namesWithAControlCharacterAreRefused(name: String, shownName: String, shownCharacter: String) {
        #expect(Self.suite(["fine", name]).registrationProblems == [
            "benchmark \"\(shownName)\" has a control character (\(shownCharacter)) in its name; names must be one printable line",
        ])
    }

    /// An empty or blank name would be a results file the gate refuses (an empty name) or a
    /// row no reader can find; it is refused where it is registered.
    @Test(arguments: ["", " ", "  \u{3000}"])
    func emptyOrBlankNamesAreRefused(name: String) {
        #expect(Self.suite(["fine", name]).registrationProblems == [
            "a benchmark is registered with an empty name (\"\(name)\"); every benchmark needs a name",
        ])
    }

    @Test func duplicateNamesAreStillRefused() {
        #expect(Self.suite(["a", "b", "a"]).registrationProblems == ["benchmark \"a\" is registered more than once; names must be unique"])
    }

    /// The executable exits 2 before listing or running anything.
    @Test func aRefusedNameIsAUsageErrorEvenForList() async {
        #expect(await BenchmarkCommand.run(suite: Self.suite(["ok", "two\nlines"]), arguments: ["--list"]) == 2)
    }
}
