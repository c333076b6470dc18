import BenchResults
@testable import GateCore

/// A small hand-built report, independent of the statistics, for exact-output tests.
enum SmallReport {
    static let report = Report(
        baselineName: "base.json", currentName: "new.json", mode: .check, noisyGated: true,
        noisyNotGatedReason: nil, debugBuilds: [], alpha: 0.01, familySize: 1,
        benchmarks: [
            BenchmarkComparison(name: "json/encode", presence: .compared, metrics: [
                MetricComparison(metric: "time", unit: .nanosecondsPerOp, better: .lower, exact: false,
                                 baseline: 1000, current: 1250, change: 0.25, plusMinus: 0.031, pValue: 0.0004,
                                 threshold: .percent(10), verdict: .regression, sampleCounts: (10, 10)),
                MetricComparison(metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true,
                                 baseline: 3, current: 3, change: 0, threshold: .absolute(0), verdict: .pass,
                                 sampleCounts: (10, 10)),
            ]),
            BenchmarkComparison(name: "sort/n=1000", presence: .compared, metrics: [
                MetricComparison(metric: "bytes", unit: .bytesPerOp, better: .lower, exact: true,
                                 baseline: 2048, current: 1024, change: -0.5, threshold: .percent(5),
                                 verdict: .improvement, sampleCounts: (10, 10)),
            ]),
            BenchmarkComparison(name: "crashy", presence: .failed, status: .crashed, message: "signal 11"),
            BenchmarkComparison(name: "fresh", presence: .added),
            BenchmarkComparison(name: "gone", presence: .removed),
        ])

    /// Every format must survive this name.
    static let hostileName = "a|b<c>&\"d\"\n`e`\r,f:g%h\u{1B}[31m"

    static var hostile: Report {
        var report = report
        report.baselineName = hostileName
        for index in report.benchmarks.indices { report.benchmarks[index].name = hostileName + "\(index)" }
        report.benchmarks[0].metrics[0].metric = hostileName
        report.benchmarks[0].metrics[0].note = hostileName
        report.benchmarks[2].message = hostileName
        return report
    }
}
