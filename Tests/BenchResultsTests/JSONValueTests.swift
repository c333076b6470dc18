import BenchResults
import Foundation
import Testing

/// `StrictJSON.parse` (the tree, by the checker's rules) and `JSONWriter` (the one writer of
/// memgate's own documents) against known values.
@Suite struct JSONValueTests {
    func parse(_ text: String, maximumNesting: Int = 64) throws -> JSONValue {
        try StrictJSON.parse(Array(text.utf8), maximumNesting: maximumNesting)
    }

    @Test func parsesEveryKindKeepingTheKeyOrder() throws {
        let value = try parse(#" {"z": [1, -2.5e3, true, false, null], "a": {"s": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/"}, "m": {}} "#)
        #expect(value.members?.map(\.key) == ["z", "a", "m"])
        #expect(value["z"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(value["a"]?["s"]?.stringValue == "café 😀 \"q\" \\ /")
        #expect(value["m"] == .object([]))
        #expect(value["absent"] == nil && value["z"]?["a"] == nil)
        #expect(try parse("0.1").numberValue == 0.1)
        #expect(try parse("-0").numberValue == 0)
        #expect(try parse("[]") == .array([]))
    }

    @Test func refusesWhatTheCheckerRefuses() throws {
        #expect(throws: StrictJSON.Violation.self) { try parse(#"{"a": 1, "a": 2}"#) }
        #expect(throws: StrictJSON.Violation.self) { try parse("[1, 2,]") }
        #expect(throws: StrictJSON.Violation.self) { try parse("[NaN]") }
        #expect(throws: StrictJSON.Violation.self) { try parse("[1e999]") }
        #expect(throws: StrictJSON.Violation.self) { try parse("{} x") }
        do {
            _ = try StrictJSON.parse(Array(#"{"a": 1, "a": 2}"#.utf8))
        } catch {
            #expect("\(error)"
                == #"line 1, column 10: not valid JSON: duplicate key "a" in the top-level object (first at line 1, column 2)"#)
        }
        #expect(try parse("[[[1]]]", maximumNesting: 3) == .array([.array([.array([.number(1)])])]))
        #expect(throws: StrictJSON.Violation.self) { try parse("[[[[1]]]]", maximumNesting: 3) }
    }

    @Test func escapesStringsByOneRule() {
        #expect(JSONWriter.string("plain/é 😀") == #""plain/é 😀""#)
        #expect(JSONWriter.string("a\"b\\c\n\r\t") == #""a\"b\\c\n\r\t""#)
        #expect(JSONWriter.string("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}") == #""\u0000\u0001\u0008\u000c\u001b\u001f""#)
        #expect(JSONWriter.string("\u{7F}\u{2028}") == "\"\u{7F}\u{2028}\"")
    }

    @Test func writesNumbersAsTodaysOutputsDo() {
        let cases: [(Double, String)] = [
            (3, "3"), (-3, "-3"), (0, "0"), (-0.0, "0"), (0.1, "0.1"), (1234567.125, "1234567.125"), (1e-7, "1e-07"),
            (123456789012345, "123456789012345"), (1e15, "1000000000000000"), (4503599627370496, "4503599627370496"),
            (1e16, "1e+16"), (2.5e20, "2.5e+20"), (.nan, "null"), (.infinity, "null"),
        ]
        for (value, text) in cases { #expect(JSONWriter.number(value) == text, "\(value)") }
        #expect(JSONValue(Double?.none) == .null && JSONValue(Double.nan) == .null)
    }

    @Test func numbersAndStringsRoundTrip() throws {
        for value in [0.1, 1.0 / 3, 1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 123456789.987654321, -42] {
            #expect(try parse(JSONWriter.number(value)).numberValue == value)
        }
        let text = "\u{0}\u{1F}\"\\/é😀\u{2028}"
        #expect(try parse(JSONWriter.string(text)).stringValue == text)
    }

    static let sample = JSONValue.object([
        ("b", .array([.number(1), .string("x/y")])), ("a", .object([("z", .number(1)), ("y", .object([]))])), ("c", .array([])),
        ("d", .number(0.01)), ("e", .bool(true)),
    ])

    @Test func compactSortsKeysAsJSONEncoderDoes() throws {
        #expect(Self.sample.written(.compact) == #"{"a":{"y":{},"z":1},"b":[1,"x/y"],"c":[],"d":0.01,"e":true}"#)
        let keys = JSONValue.object(["a10", "a9", "B", "a", "é", "z", "A_"].map { ($0, .null) })
        #expect(keys.written(.compact) == #"{"A_":null,"B":null,"a":null,"a10":null,"a9":null,"z":null,"é":null}"#)
    }

    @Test func prettyIsFoundationsLayout() throws {
        let expected = "{\n  \"a\" : {\n    \"y\" : {\n\n    },\n    \"z\" : 1\n  },\n  \"b\" : [\n    1,\n    \"x/y\"\n  ],\n"
            + "  \"c\" : [\n\n  ],\n  \"d\" : 0.01,\n  \"e\" : true\n}"
        #expect(Self.sample.written(.pretty) == expected)
        struct Sample: Encodable {
            var a = ["y": [String: Int](), "z": ["k": 1]]
            var c: [Int] = []
            var d = 0.01
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let foundation = String(decoding: try encoder.encode(Sample()), as: UTF8.self)
        let ours = JSONValue.object([
            ("a", .object([("y", .object([])), ("z", .object([("k", .number(1))]))])), ("c", .array([])), ("d", .number(0.01)),
        ]).written(.pretty)
        #expect(ours == foundation)
    }

    @Test func readableKeepsTheOrderAndExpandsOnlyTheNamedKeys() {
        let value = JSONValue.object([
            ("n", .number(1)), ("list", .array([.object([("k", .string("v")), ("rows", .array([.number(1), .number(2)]))])])),
            ("rows", .array([])), ("inline", .array([.number(1), .null])),
        ])
        let expected = "{\n  \"n\": 1,\n  \"list\": [\n    {\"k\": \"v\", \"rows\": [\n      1,\n      2\n    ]}\n  ],\n"
            + "  \"rows\": [],\n  \"inline\": [1, null]\n}"
        #expect(value.written(.readable(expanding: ["list", "rows"])) == expected)
        let padded = JSONStyle(colon: ": ", comma: ", ", expansion: .none, sortedKeys: false, padded: true)
        #expect(JSONValue.object([("*", .string("report")), ("peakRSS", .string("gate"))]).written(padded)
            == #"{ "*": "report", "peakRSS": "gate" }"#)
    }

    @Test func settingMembersReplacesInPlaceAppendsAndRemoves() {
        var value = JSONValue.object([("a", .number(1)), ("b", .number(2))])
        value["a"] = .string("x")
        value["c"] = .null
        value["b"] = nil
        #expect(value == .object([("a", .string("x")), ("c", .null)]))
        #expect(value != .object([("c", .null), ("a", .string("x"))]))
    }
}
