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
        // The recorded fixtures alone are 38 files; fewer means the walk found the wrong folder.
        #expect(Self.resultsFiles.count >= 38)
    }

    @Test(arguments: resultsFiles)
    func fastParserAgreesWithCodable(path: String) throws {
        let bytes = try InputFile.read(path)
        let reference = try ResultsFile.decodeWithCodable(bytes, path: path)
        let fast = try #require(ResultsFile.decodeFast(bytes), "the fast parser rejected \(path)")
        #expect(fast == reference)
        #expect(try ResultsFile.decode(json: bytes, path: path) == reference)
    }

    @Test func aChildReportRoundTripsThroughTheOneEncoding() throws {
        let result = BenchmarkResult(
            name: "json/encode", status: .ok, iterations: [10, 10],
            metrics: ["allocs": Metric(unit: .allocationsPerOp, better: .lower, exact: true, samples: [3, 3])])
        let bytes = try ResultsFile(benchmarks: [result]).jsonBytes()
        let fast = try #require(ResultsFile.decodeFast(bytes))
        #expect(fast.benchmarks == [result])
        #expect(try ResultsFile.decodeWithCodable(bytes, path: "report.json") == fast)
    }
}
