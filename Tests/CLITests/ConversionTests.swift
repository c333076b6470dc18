import Testing
@testable import CLISupport

/// Parses `--<option> <text>` with the bench spec.
private func given(_ option: String, _ text: String) throws(UsageError) -> ParsedArguments {
    try benchSpec.parse([option, text])
}

/// The thrown message of `body`, or nil when it returns.
private func message<T>(_ body: () throws(UsageError) -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return error.message
    }
}

@Suite struct ConversionTests {
    @Test func absentOptionsAreNil() throws {
        let parsed = try benchSpec.parse([])
        #expect(try parsed.int("--samples", in: 2...1000) == nil)
        #expect(try parsed.double("--alpha", in: 0...1) == nil)
        #expect(try parsed.duration("--timeout") == nil)
        #expect(try parsed.choice("--format", from: ["text"]) == nil)
    }

    @Test(arguments: [("2", 2), ("1000", 1000), ("+20", 20), ("010", 10)])
    func intAccepts(text: String, expected: Int) throws {
        #expect(try given("--samples", text).int("--samples", in: 2...1000) == expected)
    }

    @Test(arguments: [
        ("abc", "--samples: 'abc' is not a whole number"),
        ("", "--samples: '' is not a whole number"),
        ("1.5", "--samples: '1.5' is not a whole number"),
        ("1e3", "--samples: '1e3' is not a whole number"),
        (" 5", "--samples: ' 5' is not a whole number"),
        ("99999999999999999999", "--samples: '99999999999999999999' is not a whole number"),
        ("1", "--samples: must be between 2 and 1000, got 1"),
        ("1001", "--samples: must be between 2 and 1000, got 1001"),
        ("-3", "--samples: must be between 2 and 1000, got -3"),
    ])
    func intRejects(text: String, expected: String) throws {
        let parsed = try given("--samples", text)
        #expect(message { () throws(UsageError) in try parsed.int("--samples", in: 2...1000) } == expected)
    }

    @Test func intWithoutUpperBoundSaysAtLeast() throws {
        let parsed = try given("--samples", "0")
        #expect(message { () throws(UsageError) in try parsed.int("--samples", in: 1...Int.max) } == "--samples: must be at least 1, got 0")
    }

    @Test(arguments: [("0.05", 0.05), ("0", 0), ("1", 1), (".5", 0.5), ("5e-1", 0.5), ("+0.25", 0.25), ("1E-2", 0.01)])
    func doubleAccepts(text: String, expected: Double) throws {
        #expect(try given("--alpha", text).double("--alpha", in: 0...1) == expected)
    }

    @Test(arguments: [
        ("abc", "--alpha: 'abc' is not a number"),
        ("nan", "--alpha: 'nan' is not a number"),
        ("inf", "--alpha: 'inf' is not a number"),
        ("-infinity", "--alpha: '-infinity' is not a number"),
        ("0x1p-2", "--alpha: '0x1p-2' is not a number"),
        ("1.", "--alpha: '1.' is not a number"),
        ("1e", "--alpha: '1e' is not a number"),
        ("", "--alpha: '' is not a number"),
        ("1e999", "--alpha: '1e999' is not a number"),
        ("1.5", "--alpha: must be between 0 and 1, got 1.5"),
        ("-0.1", "--alpha: must be between 0 and 1, got -0.1"),
    ])
    func doubleRejects(text: String, expected: String) throws {
        let parsed = try given("--alpha", text)
        #expect(message { () throws(UsageError) in try parsed.double("--alpha", in: 0...1) } == expected)
    }

    @Test func doubleRangeBoundsPrintWithoutTrailingZero() throws {
        let parsed = try given("--alpha", "0.9")
        #expect(message { () throws(UsageError) in try parsed.double("--alpha", in: 0.001...0.5) }
            == "--alpha: must be between 0.001 and 0.5, got 0.9")
    }

    @Test(arguments: [
        ("30", 30), ("30s", 30), ("1.5s", 1.5), ("500ms", 0.5), ("2m", 120), ("1h", 3600),
        ("250us", 0.00025), ("250µs", 0.00025), ("10ns", 1e-8), ("0", 0), ("0s", 0), (".5s", 0.5),
    ])
    func durationAccepts(text: String, seconds: Double) throws {
        let parsed = try given("--timeout", text)
        let value = try #require(try parsed.duration("--timeout"))
        #expect(abs(value - seconds) <= 1e-12 * max(1, seconds))
    }

    @Test(arguments: [
        ("-1s", "--timeout: must not be negative, got -1s"),
        ("-0.5", "--timeout: must not be negative, got -0.5"),
        ("abc", "--timeout: 'abc' is not a duration (for example 30s, 500ms, 2m)"),
        ("", "--timeout: '' is not a duration (for example 30s, 500ms, 2m)"),
        ("s", "--timeout: 's' is not a duration (for example 30s, 500ms, 2m)"),
        ("30x", "--timeout: '30x' is not a duration (for example 30s, 500ms, 2m)"),
        ("30 s", "--timeout: '30 s' is not a duration (for example 30s, 500ms, 2m)"),
        ("30S", "--timeout: '30S' is not a duration (for example 30s, 500ms, 2m)"),
        ("1.5.2s", "--timeout: '1.5.2s' is not a duration (for example 30s, 500ms, 2m)"),
        ("1.s", "--timeout: '1.s' is not a duration (for example 30s, 500ms, 2m)"),
        ("+5s", "--timeout: '+5s' is not a duration (for example 30s, 500ms, 2m)"),
        ("1e3s", "--timeout: '1e3s' is not a duration (for example 30s, 500ms, 2m)"),
        ("nan", "--timeout: 'nan' is not a duration (for example 30s, 500ms, 2m)"),
        ("inf", "--timeout: 'inf' is not a duration (for example 30s, 500ms, 2m)"),
        ("-inf", "--timeout: '-inf' is not a duration (for example 30s, 500ms, 2m)"),
        ("1m30s", "--timeout: '1m30s' is not a duration (for example 30s, 500ms, 2m)"),
        ("٣s", "--timeout: '٣s' is not a duration (for example 30s, 500ms, 2m)"),  // Arabic-Indic digit
        (String(repeating: "9", count: 400) + "h",
         "--timeout: '\(String(repeating: "9", count: 400))h' is not a duration (for example 30s, 500ms, 2m)"),
    ])
    func durationRejects(text: String, expected: String) throws {
        let parsed = try given("--timeout", text)
        #expect(message { () throws(UsageError) in try parsed.duration("--timeout") } == expected)
    }

    @Test func durationAtTheEdgeOfDouble() throws {
        // 1.7e308 seconds fits; times 3600 it overflows to infinity and is rejected.
        let fits = "17" + String(repeating: "0", count: 307)
        #expect(try given("--timeout", fits).duration("--timeout") == 1.7e308)
        #expect(message { () throws(UsageError) in try given("--timeout", fits + "h").duration("--timeout") } != nil)
    }

    @Test func choiceIsExactAndListsTheAllowedValues() throws {
        #expect(try given("--format", "json").choice("--format", from: ["text", "json"]) == "json")
        let upper = try given("--format", "JSON")
        #expect(message { () throws(UsageError) in try upper.choice("--format", from: ["text", "json"]) }
            == "--format: 'JSON' is not one of text, json")
        let xml = try given("--format", "xml")
        #expect(message { () throws(UsageError) in try xml.choice("--format", from: ["text", "markdown", "json"]) }
            == "--format: 'xml' is not one of text, markdown, json")
    }

    @Test func conversionsReadTheLastOccurrence() throws {
        let parsed = try benchSpec.parse(["--filter", "x", "--filter", "y"])
        #expect(try parsed.choice("--filter", from: ["y"]) == "y")
    }

    @Test func conversionErrorsNameTheCommand() throws {
        let parsed = try checkSpec.parse(["a", "b", "--format", "xml"])
        #expect(throws: UsageError(message: "--format: 'xml' is not one of text", command: "memgate check")) {
            try parsed.choice("--format", from: ["text"])
        }
    }
}
