import BenchResults
import Foundation
import Testing

@Suite struct ResultsFileTests {
    static let sample = ResultsFile(
        environment: Environment(os: "Linux", arch: "x86_64", cpuModel: "Test CPU", cores: 2, swiftVersion: "6.3",
                                 buildConfiguration: "release", gitCommit: "abc", gitDirty: false),
        benchmarks: [
            BenchmarkResult(
                name: "sort/n=100", iterations: [1000, 1000], latency: LatencyMode(batchSize: 4),
                metrics: [
                    "time": Metric(unit: .nanosecondsPerOp, samples: [12.5, 13.25]),
                    "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [1, 1]),
                    "retained": Metric(unit: .allocationsPerOp, exact: true, samples: [-0.5, 0]),
                    "hits": Metric(unit: MetricUnit("hits/op"), better: .higher, samples: [0.75]),
                ]),
            BenchmarkResult(name: "crashy", status: .crashed, message: "crashed: SIGSEGV"),
        ])

    @Test func roundTripsThroughJSON() throws {
        let bytes = try Self.sample.jsonBytes()
        let decoded = try ResultsFile.decode(json: bytes, path: "x.json")
        #expect(decoded == Self.sample)
        // Summaries are written for readers.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"median\" : 12.875"))
        #expect(text.contains("\"format\" : \"memgate-results\""))
        // Samples and iterations stay on one line each, so baselines diff well.
        #expect(text.contains("\"samples\" : [12.5, 13.25]"))
        #expect(text.contains("\"iterations\" : [1000, 1000]"))
        #expect(text.contains("\"samples\" : [-0.5, 0]"))
    }

    @Test func roundTripsThroughAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.sample.write(to: path)
        #expect(try ResultsFile.read(contentsOf: path) == Self.sample)
    }

    /// Decoding `json` fails with a message containing every fragment.
    private func rejects(_ json: String, _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try ResultsFile.decode(json: Array(json.utf8), path: "base.json")
            Issue.record("accepted: \(json)", sourceLocation: sourceLocation)
        } catch {
            let message = error.description
            for fragment in fragments + ["base.json"] {
                #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
            }
        }
    }

    private func document(_ benchmarks: String, schema: String = "1") -> String {
        #"{"format": "memgate-results", "schema": \#(schema), "benchmarks": [\#(benchmarks)]}"#
    }

    private let metric = #""time": {"unit": "ns/op", "better": "lower", "samples": [1, 2]}"#

    @Test func rejectsBadDocuments() {
        rejects("{", "not valid JSON")
        rejects(#"{"format": "memgate-results", "schema": 1, "benchmarks": [{"name": "a""#, "not valid JSON")
        rejects("[1, 2]", "expected an object")
        rejects(#"{"schema": 1, "benchmarks": []}"#, "not a memgate results file")
        rejects(document("", schema: "3"), "schema 3 is not supported")
        rejects(document("", schema: "\"1\""), "schema", "expected a number")
        rejects(#"{"format": "memgate-results", "schema": 1}"#, "missing required field \"benchmarks\"")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1, 1], "metrics": {\#(metric)}}, "#
                         + #"{"name": "a", "status": "ok", "iterations": [1, 1], "metrics": {\#(metric)}}"#),
                "benchmarks[1] \"a\"", "duplicate benchmark name")
        rejects(document(#"{"name": "", "status": "ok", "iterations": [1], "metrics": {\#(metric)}}"#), "the name is empty")
        rejects(document(#"{"name": "a", "status": "weird", "iterations": [], "metrics": {}}"#), "benchmarks[0].status")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [0], "metrics": {\#(metric)}}"#),
                "iterations[0]", "must be positive")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "metrics": {}}"#), "no metric was recorded")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "#
                         + #""metrics": {"allocs": {"unit": "allocs/op", "better": "lower", "samples": [-1]}}}"#),
                "metrics.allocs.samples[0]", "negative")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "#
                         + #""metrics": {"allocs": {"unit": "allocs/op", "better": "higher", "exact": true, "samples": [1]}}}"#),
                "metrics.allocs", "cannot redefine a built-in metric")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "#
                         + #""metrics": {"time": {"unit": "ns/op", "better": "lower", "samples": []}}}"#),
                "metrics.time.samples", "no samples")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "#
                         + #""metrics": {"time": {"unit": "ns/op", "better": "sideways", "samples": [1]}}}"#),
                "metrics.time.better")
        rejects(document(#"{"name": "a", "status": "ok", "iterations": [1], "#
                         + #""metrics": {"time": {"unit": "ns/op", "better": "lower", "samples": [1e999]}}}"#))
    }

    @Test func rejectsNaNWrittenInMemory() {
        var file = Self.sample
        file.benchmarks[0].metrics["time"]!.samples[1] = .nan
        #expect(throws: ResultsError.self) { try file.validate() }
        do { try file.validate() } catch {
            #expect(error.description.contains("metrics.time.samples[1]: nan is not a finite number"))
        }
    }

    @Test func acceptsUnknownFieldsOfTheSameSchema() throws {
        let json = #"{"format": "memgate-results", "schema": 1, "future": true, "#
            + #""benchmarks": [{"name": "a", "status": "ok", "iterations": [1], "extra": 1, "#
            + #""metrics": {"time": {"unit": "ns/op", "better": "lower", "samples": [3], "novel": 2}}}]}"#
        let file = try ResultsFile.decode(json: Array(json.utf8), path: "x")
        #expect(file["a"]?[.time]?.samples == [3])
        #expect(file["a"]?[.time]?.exact == false)
    }
}
