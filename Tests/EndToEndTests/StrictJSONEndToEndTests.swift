import BenchResults
import Foundation
import Testing
import TestSupport

/// Issue 21, item 5: every memgate document (results, config, history) is strict JSON.
/// A duplicate key, a trailing comma and the other non-RFC 8259 forms readers used to
/// accept are input errors (exit 2) naming the file, the line and the key.
@Suite struct StrictJSONEndToEndTests {
    /// A results document around `benchmarks` (JSON text), one field per line.
    static func results(_ benchmarks: String) -> String {
        "{\n\"format\": \"memgate-results\",\n\"schema\": 1,\n\"benchmarks\": [\n\(benchmarks)\n]\n}\n"
    }

    /// One benchmark with an allocs metric of `samples`, and `extra` metric text after it.
    static func benchmark(_ name: String, allocs samples: String, extra: String = "") -> String {
        "{\"name\": \"\(name)\", \"status\": \"ok\", \"iterations\": [10, 10, 10],\n\"metrics\": {\n"
            + "\"allocs\": {\"unit\": \"allocs/op\", \"better\": \"lower\", \"exact\": true, \"samples\": \(samples)}\(extra)\n}}"
    }

    static let allocsAgain = ",\n\"allocs\": {\"unit\": \"allocs/op\", \"better\": \"lower\", \"exact\": true, \"samples\": [5, 5, 5]}"

    /// `check GOOD BAD`, `check BAD GOOD` and `show BAD` exit 2 naming `name` and `fragments`.
    func expectRefused(_ name: String, _ text: String, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try TemporaryDirectory()
        let good = try dir.write("good.json", Self.results(Self.benchmark("a", allocs: "[5, 5, 5]")))
        let bad = try dir.write(name, text)
        for arguments in [["check", good, bad], ["check", bad, good], ["show", bad]] {
            let run = try MemGateProcess.run(arguments, in: dir.url)
            #expect(run.code == 2, "\(arguments): \(run.stdout) \(run.stderr)", sourceLocation: sourceLocation)
            for fragment in [bad] + fragments {
                #expect(run.stderr.contains(fragment), "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func duplicateKeysInResultsAreRefused() throws {
        // The regressed value first, a good one after it: "last wins" used to pass it.
        try expectRefused("dup-metric.json", Self.results(Self.benchmark("a", allocs: "[500, 500, 500]", extra: Self.allocsAgain)),
                          ["line 8, column 1", #"duplicate key "allocs" in benchmarks[0].metrics (first at line 7, column 1)"#])
        try expectRefused("dup-top.json", #"{"format": "memgate-results", "schema": 1, "schema": 1, "benchmarks": []}"#,
                          ["line 1, column 44", #"duplicate key "schema" in the top-level object"#])
        // Spelled differently, the same key: an escape decodes to the same string.
        try expectRefused("dup-escaped.json", Self.results(Self.benchmark("a", allocs: "[5, 5, 5]").replacingOccurrences(
            of: "\"status\": \"ok\",", with: "\"status\": \"ok\", \"st\\u0061tus\": \"ok\",")), [#"duplicate key "status""#])
    }

    @Test func trailingCommasAndOtherNonStandardJSONInResultsAreRefused() throws {
        let good = Self.benchmark("a", allocs: "[5, 5, 5]")
        try expectRefused("comma-array.json", Self.results(good + ","), ["line 9, column 1", "trailing comma before ']'"])
        try expectRefused("comma-samples.json", Self.results(Self.benchmark("a", allocs: "[5, 5, 5,]")), ["line 7", "trailing comma"])
        try expectRefused("comma-object.json", Self.results(good).replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1,,"),
                          ["line 3", "not valid JSON"])
        try expectRefused("leading-zero.json", Self.results(Self.benchmark("a", allocs: "[05, 5, 5]")), ["line 7", "leading zero"])
        try expectRefused("comment.json", Self.results(good).replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1, // one"),
                          ["line 3, column 14", "a comment (JSON has none)"])
        try expectRefused("nan.json", Self.results(Self.benchmark("a", allocs: "[NaN, 5, 5]")), ["line 7", "NaN (not a JSON value)"])
        try expectRefused("garbage.json", Self.results(good) + "}\n", ["line 11, column 1", "unexpected text after the JSON value"])
        try expectRefused("huge.json", Self.results(Self.benchmark("a", allocs: "[1e400, 5, 5]")), ["line 7", "beyond the range"])
    }

    @Test func duplicateKeysAndTrailingCommasInTheConfigAreRefused() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("r.json", Self.results(Self.benchmark("a", allocs: "[5, 5, 5]")))
        // A second "thresholds" used to switch allocs off silently.
        let cases = [
            ("dup.json", "{\n  \"thresholds\": {\"allocs\": \"+0\"},\n  \"thresholds\": {\"allocs\": \"off\"}\n}\n",
             #"dup.json: at line 3, column 3: not valid JSON: duplicate key "thresholds" in the top-level object "#
                + "(first at line 2, column 3)"),
            ("nested.json", #"{"thresholds": {"allocs": "+0", "allocs": "off"}}"#, #"duplicate key "allocs" in thresholds"#),
            ("comma.json", "{\"noisy\": \"report\",\n}\n", "comma.json: at line 2, column 1: not valid JSON: trailing comma"),
            ("comment.json", "{\"noisy\": \"report\" /* why */}", "a comment (JSON has none)"),
        ]
        for (name, text, fragment) in cases {
            try dir.write(name, text)
            let run = try MemGateProcess.run(["check", "--config", name, file, file], in: dir.url)
            #expect(run.code == 2, "\(name): \(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains(fragment), "\(name): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func duplicateKeysAndTrailingCommasInHistoryAreRefused() throws {
        let dir = try TemporaryDirectory()
        let results = try dir.write("r.json", Self.results(Self.benchmark("a", allocs: "[5, 5, 5]")))
        for date in ["2026-12-01T10:00:00Z", "2026-12-02T10:00:00Z"] {
            let append = try MemGateProcess.run(["history", "append", results, "--file", "h.jsonl", "--commit", "abc", "--date", date],
                                                in: dir.url)
            #expect(append.code == 0, "\(append.stderr)")
        }
        let lines = try #require(dir.read("h.jsonl")).split(separator: "\n").map(String.init)
        try #require(lines.count == 2 && lines[1].hasPrefix("{\""))
        let firstKey = String(lines[1].dropFirst(2).prefix { $0 != "\"" })
        let duplicated = "{\"\(firstKey)\": null, " + lines[1].dropFirst()
        let trailing = String(lines[1].dropLast()) + ",}"
        let cases = [("dup.jsonl", duplicated, "duplicate key \"\(firstKey)\""), ("comma.jsonl", trailing, "trailing comma")]
        for (name, line, fragment) in cases {
            try dir.write(name, lines[0] + "\n" + line + "\n")
            for arguments in [["history", "show", name], ["history", "append", results, "--file", name, "--commit", "abc"]] {
                let run = try MemGateProcess.run(arguments, in: dir.url)
                #expect(run.code == 2, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("\(name): at line 2, column "), "\(run.stderr)")
                #expect(run.stderr.contains(fragment), "\(run.stderr)")
            }
            #expect(dir.read(name) == lines[0] + "\n" + line + "\n", "a refused history is left as it was")
        }
    }
}
