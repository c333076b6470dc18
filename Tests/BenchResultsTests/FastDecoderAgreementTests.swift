import Foundation
import Testing
@testable import BenchResults

/// The fast parser is the results decoder of every path (`ResultsFile.decode(json:path:)`);
/// `JSONDecoder` is its reference. On every results file the repository holds (the committed
/// baselines and every fixture), both must give the same `ResultsFile`.
@Suite struct FastDecoderAgreementTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.json` file under `baselines/` and `Tests/Fixtures/` that is a results file
    /// (the config `memgate.json` is not).
    static var resultsFiles: [String] {
        var paths: [String] = []
        for folder in ["baselines", "Tests/Fixtures"] {
            let root = repositoryRoot.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".json") {
                let path = root + "/" + relative
                guard let bytes = FileManager.default.contents(atPath: path),
                      String(decoding: bytes, as: UTF8.self).contains("\"benchmarks\"") else { continue }
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    @Test func theRepositoryHoldsResultsFilesToCompare() {
        // The recorded fixtures alone are 59 files; fewer means the walk found the wrong folder.
        #expect(Self.resultsFiles.count >= 59)
    }

    @Test(arguments: resultsFiles)
    func fastParserAgreesWithCodable(path: String) throws {
        let bytes = try InputFile.read(path)
        let reference = try ResultsFile.decodeWithCodable(bytes, path: path)
        let fast = try #require(ResultsFile.decodeFast(bytes), "the fast parser rejected \(path)")
        #expect(fast == reference)
        #expect(try ResultsFile.decode(json: bytes, path: path) == reference)
    }

    /// What a child process can report: an ok benchmark with built-in, latency and custom
    /// metrics, and failures with a message and no samples.
    static let childReports: [BenchmarkResult] = [
        BenchmarkResult(
            name: "json/encode", status: .ok, iterations: [10, 10], latency: LatencyMode(batchSize: 4),
            metrics: [
                "allocs": Metric(unit: .allocationsPerOp, better: .lower, exact: true, samples: [3, 3]),
                "p99": Metric(unit: .nanoseconds, samples: [1_250.5, 1_300.25]),
                "hit rate": Metric(unit: MetricUnit("hits/op"), better: .higher, exact: false, samples: [0.75, 0.8125]),
            ]),
        BenchmarkResult(
            name: "sites/known", status: .ok, iterations: [10], metrics: ["allocs": Metric(unit: .allocationsPerOp, exact: true,
                samples: [3])],
            allocationSites: AllocationSites(
                iterations: 10, allocationsPerOp: 3.5, bytesPerOp: 80.25,
                sites: [
                    AllocationSite(key: "00000000000000aa", allocationsPerOp: 2, bytesPerOp: 64,
                                   frames: ["Sites.f()", "closure #1 in \"q\""],
                                   via: "swift_slowAlloc"),
                    AllocationSite(key: "00000000000000bb", allocationsPerOp: 1, bytesPerOp: 16, frames: ["Sites.g()"]),
                ],
                unattributedAllocationsPerOp: 0.5, unattributedBytesPerOp: 0.25)),
        BenchmarkResult(name: "fail/crash", status: .crashed, message: "killed by signal 11 (SIGSEGV)"),
        BenchmarkResult(name: "fail/\"quoted\"\tname", status: .failed, message: "line one\nline \u{1F4A5} two"),
        BenchmarkResult(name: "fail/hang", status: .timeout, message: "timed out after 60 s"),
    ]

    @Test(arguments: childReports)
    func aChildReportRoundTripsThroughTheOneEncoding(result: BenchmarkResult) throws {
        let bytes = try ResultsFile(benchmarks: [result]).jsonBytes()
        let fast = try #require(ResultsFile.decodeFast(bytes))
        #expect(fast.benchmarks == [result])
        #expect(try ResultsFile.decodeWithCodable(bytes, path: "report.json") == fast)
        #expect(try ResultsFile.decode(json: bytes, path: "report.json").benchmarks == [result])
    }
}
