import BenchResults
@testable import GateCore
@testable import GateRunner
@testable import MemGateCLI

/// Builders for small results files used across the tests.
enum Fixture {
    static let environment = Environment(
        os: "Linux", arch: "x86_64", cpuModel: "Test CPU", cores: 2, swiftVersion: "6.3",
        buildConfiguration: "release")

    static func time(_ samples: [Double]) -> Metric { Metric(unit: .nanosecondsPerOp, samples: samples) }
    static func allocs(_ samples: [Double]) -> Metric { Metric(unit: .allocationsPerOp, exact: true, samples: samples) }
    static func bytes(_ samples: [Double]) -> Metric { Metric(unit: .bytesPerOp, exact: true, samples: samples) }

    static func benchmark(
        _ name: String, _ metrics: [String: Metric], status: BenchmarkStatus = .ok, message: String? = nil
    ) -> BenchmarkResult {
        let count = metrics.values.map(\.samples.count).max() ?? 0
        return BenchmarkResult(
            name: name, status: status, message: message, iterations: Array(repeating: 1000, count: count), metrics: metrics)
    }

    static func file(_ benchmarks: [BenchmarkResult], environment: Environment = Fixture.environment) -> ResultsFile {
        ResultsFile(environment: environment, benchmarks: benchmarks)
    }

    static func compare(
        _ baseline: ResultsFile, _ current: ResultsFile, options: ComparisonOptions = ComparisonOptions()
    ) throws -> Report {
        try Comparison.compare(baseline: baseline, current: current, baselineName: "base.json", currentName: "new.json", options: options)
    }

    /// The single row for `metric` of `benchmark` in `report`.
    static func row(_ report: Report, _ benchmark: String, _ metric: String) -> MetricComparison? {
        report.benchmarks.first { $0.name == benchmark }?.metrics.first { $0.metric == metric }
    }

    /// Compares one metric of one benchmark and returns its row.
    static func verdict(
        _ before: Metric, _ after: Metric, metric: String = "time", options: ComparisonOptions = ComparisonOptions()
    ) throws -> MetricComparison {
        let report = try compare(file([benchmark("b", [metric: before])]), file([benchmark("b", [metric: after])]), options: options)
        return row(report, "b", metric)!
    }

    static let steady: [Double] = [100, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3]
    static func scaled(_ values: [Double], _ factor: Double) -> [Double] { values.map { $0 * factor } }
}
