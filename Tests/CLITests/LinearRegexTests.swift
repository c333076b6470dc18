import Foundation
import Testing
@testable import CLISupport

/// `LinearRegex`, the `--filter`/`--skip` matcher (issue 21, item 9): the same answers as
/// Swift's `Regex` on the syntax it supports, linear time on patterns that make a
/// backtracking engine exponential, and a clear refusal of what it does not support.
@Suite struct LinearRegexTests {
    static let names = [
        "", "a", "json/encode", "json/decode", "sort/n=1000", "sort/n=10", "exact/raw-k=3-s=48", "Sort/N=1000", "x y",
        "aaa!", "ab_12", "é/ü", "tab\there", "line\nbreak", "[x]", "a.b", "a+b", "{1}", "$dollar", "^caret", "back\\slash",
    ]

    static let patterns = [
        "json", "^json/", "encode$", "^sort/n=1000$", "^(json|sort)/", "^(?:json|sort)/(en|de)code$", "n=\\d+$", "n=\\d{2}$",
        "n=\\d{2,3}$", "n=\\d{3,}$", "[a-c]+!", "[^a-z/]", "^\\w+$", "\\s", "\\S+", "\\D", "\\W", "a.b", "a\\.b", "a\\+b",
        "\\[x\\]", "\\{1\\}", "\\$dollar", "\\^caret", "back\\\\slash", "^$", "^", "x|", "(a|ab)(c|bcd)?", "a*?b", "(a*)*b",
        "\\bencode\\b", "\\Bcode", "é", "[é-ü]", "\\x{2F}", "\\u00e9", "\\t", "\\n", ".", "^.$", "^(a+)+$", "(x+x+)+y",
        "k=\\d-s", "[-a]", "[a-]", "[\\d_]+$", "[\\W]", "\\Aa", "b\\z", "(?:)", "()", "a{0}", "(ab){2}", "^[A-Z]",
    ]

    @Test func agreesWithSwiftRegexOnTheSupportedSyntax() throws {
        for pattern in Self.patterns {
            let linear = try LinearRegex(pattern)
            let reference = try Regex(pattern).matchingSemantics(.unicodeScalar)
            for name in Self.names {
                let expected = (try? reference.firstMatch(in: name)) != nil
                #expect(linear.matches(in: name) == expected, "\(pattern) on \(name.debugDescription)")
            }
        }
    }

    /// Patterns that take a backtracking engine exponential time finish at once: one scalar
    /// per step through the whole program, whatever the pattern.
    @Test func patternsThatBacktrackExponentiallyMatchInLinearTime() throws {
        let name = String(repeating: "a", count: 5_000) + "!"
        let start = ContinuousClock.now
        for pattern in ["(a+)+$", "^(a|a)*$", "(a|aa)+$", "(a*)*b", "(.*a){20}$", "^(a?){30}a{30}$"] {
            #expect(try !LinearRegex(pattern).matches(in: name), "\(pattern)")
        }
        #expect(try LinearRegex("(a+)+!$").matches(in: name))
        #expect(ContinuousClock.now - start < .seconds(20))  // Backtracking: beyond the age of the universe.
    }

    @Test func refusesWhatItDoesNotSupportByName() {
        let cases = [
            (#"(a)\1"#, "backreferences are not supported"), (#"(?<n>a)\k<n>"#, "'(?' groups other than '(?:'"),
            ("(?=a)", "lookaround"), ("(?i)a", "flags"), ("a*+", "possessive"), ("a**", "cannot follow another"),
            ("(", "missing ')'"), (")", "unmatched ')'"), ("[a", "missing ']'"), ("*a", "nothing to repeat"),
            ("a{2", "must start a count"), ("a{3,2}", "backwards"), ("a{1001}", "above 1000"), ("[z-a]", "backwards"),
            (#"\p{L}"#, #"the escape \p is not supported"#), ("[[:alpha:]]", "nested classes"), ("a\\", "end with a backslash"),
            ("^*", "cannot be repeated"), ("((a{1000}){1000})", "too large"), (#"\x{110000}"#, "Unicode scalar"),
        ]
        for (pattern, fragment) in cases {
            do {
                _ = try LinearRegex(pattern)
                Issue.record("accepted \(pattern)")
            } catch {
                #expect(error.description.contains(fragment), "\(pattern): \(error)")
            }
        }
    }

    @Test func selectionUsesItAndNamesTheFlag() throws {
        let spec = { () -> CommandSpec in
            var spec = CommandSpec(name: "x", summary: "", usage: "")
            spec.option("--filter", value: "REGEX", help: "")
            spec.option("--skip", value: "REGEX", help: "")
            return spec
        }()
        let selection = try BenchmarkSelection(try spec.parse(["--filter", "^(a+)+$", "--skip", "b"]))
        #expect(selection.selects("aaaa") && !selection.selects(String(repeating: "a", count: 100) + "!") && !selection.selects("ab"))
        #expect(throws: UsageError.self) { try BenchmarkSelection(try spec.parse(["--skip", #"(x)\1"#])) }
    }
}
