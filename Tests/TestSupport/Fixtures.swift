import BenchResults
import GateCore

/// Builders for small results files used across the tests.
package enum Fixture {
    /// A release build on a 2-core Linux x86_64 machine ("Test CPU", Swift 6.3).
    package static let environment = Environment(
        os: "Linux", arch: "x86_64", cpuModel: "Test CPU", cores: 2, swiftVersion: "6.3",
        buildConfiguration: "release")

    /// A time metric (ns/op) with `samples`.
    package static func time(_ samples: [Double]) -> Metric { Metric(unit: .nanosecondsPerOp, samples: samples) }
    /// An exact allocation count (allocs/op) with `samples`.
    package static func allocs(_ samples: [Double]) -> Metric { Metric(unit: .allocationsPerOp, exact: true, samples: samples) }
    /// An exact byte count (B/op) with `samples`.
    package static func bytes(_ samples: [Double]) -> Metric { Metric(unit: .bytesPerOp, exact: true, samples: samples) }

    /// A benchmark of `metrics` with `status` and `message`, 1,000 iterations a sample (as many
    /// samples as its longest metric).
    package static func benchmark(
        _ name: String, _ metrics: [String: Metric], status: BenchmarkStatus = .ok, message: String? = nil
    ) -> BenchmarkResult {
        let count = metrics.values.map(\.samples.count).max() ?? 0
        return BenchmarkResult(
            name: name, status: status, message: message, iterations: Array(repeating: 1000, count: count), metrics: metrics)
    }

    /// A results file of `benchmarks`, measured in `environment`.
    package static func file(_ benchmarks: [BenchmarkResult], environment: Environment = Fixture.environment) -> ResultsFile {
        ResultsFile(environment: environment, benchmarks: benchmarks)
    }

    /// `Comparison.compare` of `baseline` (named base.json) and `current` (new.json) with `options`.
    package static func compare(
        _ baseline: ResultsFile, _ current: ResultsFile, options: ComparisonOptions = ComparisonOptions()
    ) throws -> Report {
        try Comparison.compare(baseline: baseline, current: current, baselineName: "base.json", currentName: "new.json", options: options)
    }

    /// The single row for `metric` of `benchmark` in `report`.
    package static func row(_ report: Report, _ benchmark: String, _ metric: String) -> MetricComparison? {
        report.benchmarks.first { $0.name == benchmark }?.metrics.first { $0.metric == metric }
    }

    /// Compares one metric of one benchmark and returns its row.
    package static func verdict(
        _ before: Metric, _ after: Metric, metric: String = "time", options: ComparisonOptions = ComparisonOptions()
    ) throws -> MetricComparison {
        let report = try compare(file([benchmark("b", [metric: before])]), file([benchmark("b", [metric: after])]), options: options)
        return row(report, "b", metric)!
    }

    /// Ten time samples within 1% of 100.
    package static let steady: [Double] = [100, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3]
    /// `values`, each times `factor`.
    package static func scaled(_ values: [Double], _ factor: Double) -> [Double] { values.map { $0 * factor } }
}
