@testable import BenchResults
import Foundation
import Testing

/// `StrictJSON`: the one definition of the JSON memgate reads (issue 21, item 5), and the
/// fast results parser's agreement with it on duplicate keys.
@Suite struct StrictJSONTests {
    /// `text` is refused at `place` with a problem containing `fragment`.
    func refused(_ text: String, _ place: String, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try StrictJSON.check(Array(text.utf8))
            Issue.record("accepted: \(text)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.place == place, "\(error)", sourceLocation: sourceLocation)
            #expect(error.problem.hasPrefix("not valid JSON: ") && error.problem.contains(fragment), "\(error)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func refusesWhatRFC8259DoesNotAllowAndDuplicateKeys() {
        refused(#"{"a": 1, "a": 2}"#, "line 1, column 10", #"duplicate key "a" in the top-level object (first at line 1, column 2)"#)
        refused("{\"x\": [{\"b\": 1,\n \"b\": 2}]}", "line 2, column 2", #"duplicate key "b" in x[0]"#)
        refused(#"{"caf\u00e9": 1, "café": 2}"#, "line 1, column 18", #"duplicate key "café""#)
        refused("[1, 2,]", "line 1, column 7", "trailing comma before ']'")
        refused(#"{"a": 1,}"#, "line 1, column 9", "trailing comma")
        refused("[01]", "line 1, column 2", "leading zero")
        refused("[-]", "line 1, column 3", "a digit after '-'")
        refused("[1.]", "line 1, column 4", "a digit after '.'")
        refused("[1e]", "line 1, column 4", "exponent")
        refused("[1e999]", "line 1, column 2", "beyond the range of a Double")
        refused("[NaN]", "line 1, column 2", "NaN (not a JSON value)")
        refused("[-Infinity]", "line 1, column 3", "a digit after '-' (found Infinity")
        refused("[Infinity]", "line 1, column 2", "Infinity (not a JSON value)")
        refused("// c\n{}", "line 1, column 1", "a comment")
        refused("{} {}", "line 1, column 4", "unexpected text after the JSON value")
        refused("{'a': 1}", "line 1, column 2", "single quote")
        refused("{a: 1}", "line 1, column 2", "a key in double quotes")
        refused("[\"a\tb\"]", "line 1, column 4", "raw control character")
        refused(#"["\ud800"]"#, "line 1, column 3", "lone surrogate")
        refused(#"["\x"]"#, "line 1, column 3", "invalid escape")
        refused("", "line 1, column 1", "holds no JSON value")
        refused("[tru]", "line 1, column 2", "expected a value")
        refused(#"{"a": [1, {"b": "#, "line 1, column 17", "ends with 3 arrays or objects still open; it looks truncated")
        refused(#"{"a": "b"#, "line 1, column 9", "ends inside a string; it looks truncated")
        refused(String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "line 1, column 65", "nested more than 64")
    }

    @Test func acceptsStrictJSON() throws {
        for text in [#"{"a": [1, -0.5, 2e10, 1E-3, true, false, null, "\u00e9\n\"\\\/\ud83d\ude00"], "b": {}, "c": []}"#, " 0 ", #""x""#,
                     String(repeating: "[", count: 64) + String(repeating: "]", count: 64)] {
            try StrictJSON.check(Array(text.utf8))
        }
        let invalidUTF8: [UInt8] = [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]
        #expect(throws: StrictJSON.Violation.self) { try StrictJSON.check(invalidUTF8) }
    }

    /// A child's report, a results file and a baseline all go through `ResultsFile.decode`:
    /// the fast parser refuses a duplicate key (it used to keep the last), and the error
    /// names the file, the line and the key.
    @Test func resultsWithADuplicateKeyAreRefusedByBothParsers() throws {
        let metric = #"{"unit": "allocs/op", "better": "lower", "exact": true, "samples": [1]}"#
        let text = #"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "#
            + "\n\"metrics\": {\"allocs\": \(metric),\n\"allocs\": \(metric)}}]}"
        #expect(ResultsFile.decodeFast(Array(text.utf8)) == nil)
        #expect(ResultsFile.decodeFast(Array(text.replacingOccurrences(of: "\n\"allocs\"", with: "\n\"bytes\"").utf8)) != nil)
        let error = #expect(throws: ResultsError.self) { try ResultsFile.decode(json: Array(text.utf8), path: "child.json") }
        #expect(error?.description == #"child.json: at line 3, column 1: not valid JSON: duplicate key "allocs" in "#
            + "benchmarks[0].metrics (first at line 2, column 13)")
        // More keys than the short list holds: the set behind it catches the repeat too.
        let many = (0..<40).map { "\"k\($0)\": 1" }.joined(separator: ", ")
        let extra = text.replacingOccurrences(of: #""status": "ok","#, with: #""status": "ok", "x": {\#(many), "k39": 2},"#)
        #expect(ResultsFile.decodeFast(Array(extra.utf8)) == nil)
    }
}
