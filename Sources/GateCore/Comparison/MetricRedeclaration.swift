import BenchResults

/// A metric that the baseline and CURRENT declare differently (unit, direction or
/// exactness) for the same benchmark: what it means comes from the metric table (built-in
/// metrics, checked when a file is read) and from the baseline, never from CURRENT alone,
/// so the two files cannot be compared. Found by `MetricRedeclaration.check`.
package struct MetricRedeclaration: Error, Equatable, CustomStringConvertible {
    /// The benchmark's name.
    package var benchmark: String
    /// The metric's name.
    package var metric: String
    /// The baseline's label and its declaration of the metric.
    package var baselineName: String, baselineDeclaration: String
    /// CURRENT's label and its declaration of the metric.
    package var currentName: String, currentDeclaration: String

    package var description: String {
        "metric \"\(metric)\" of benchmark \"\(benchmark)\" is declared differently in \(baselineName) (\(baselineDeclaration)) "
            + "and \(currentName) (\(currentDeclaration)): a metric's meaning comes from the baseline, and a current file cannot "
            + "change it; if the change is intended, record a new baseline (memgate update)"
    }

    /// Throws the first metric, in CURRENT's order, that a benchmark of both files
    /// declares differently in each (custom metrics, and `throughput`'s unit).
    package static func check(
        baseline: ResultsFile, current: ResultsFile, baselineName: String, currentName: String
    ) throws(MetricRedeclaration) {
        var before: [String: BenchmarkResult] = [:]
        for benchmark in baseline.benchmarks { before[benchmark.name] = benchmark }
        for benchmark in current.benchmarks {
            guard let old = before[benchmark.name] else { continue }
            for name in benchmark.orderedMetricNames {
                guard let then = old.metrics[name], let now = benchmark.metrics[name], !now.declaresSameMeaning(as: then) else { continue }
                throw MetricRedeclaration(
                    benchmark: benchmark.name, metric: name, baselineName: baselineName, baselineDeclaration: then.declaration,
                    currentName: currentName, currentDeclaration: now.declaration)
            }
        }
    }
}
