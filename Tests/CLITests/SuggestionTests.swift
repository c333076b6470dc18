import Testing
@testable import CLISupport

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0), ("a", "", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("flaw", "lawn", 2),
        ("--sample", "--samples", 1), ("--smaples", "--samples", 2), ("abc", "abc", 0), ("é", "e", 1),
    ])
    func editDistances(a: String, b: String, distance: Int) {
        #expect(editDistance(a, b) == distance)
        #expect(editDistance(b, a) == distance)
    }

    @Test func closestWinsAndTiesGoToTheFirst() {
        #expect(suggestion(for: "--formt", among: ["--format", "--form"]) == "--format")
        #expect(suggestion(for: "--fo", among: ["--foo", "--fox"]) == "--foo")
        #expect(suggestion(for: "--outpt", among: ["--output", "--outputs"]) == "--output")
    }

    @Test func noSuggestionForFarOrTinyNames() {
        #expect(suggestion(for: "--xy", among: ["--ab"]) == nil)                 // 2 edits of 2 letters
        #expect(suggestion(for: "--bogus", among: ["--samples", "--help"]) == nil)
        #expect(suggestion(for: "--o", among: ["--output"]) == nil)              // prefix too short
        #expect(suggestion(for: "--ou", among: ["--output", "--outline"]) == nil) // prefix ambiguous
        #expect(suggestion(for: "--ou", among: ["--output"]) == "--output")
    }
}
