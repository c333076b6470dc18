import BenchResults

extension HistoryEntry {
    /// The entry for one run: every benchmark of `results` that completed (status `ok`), in
    /// the file's order, with the median, minimum and maximum of each metric's samples.
    /// Benchmarks that failed, crashed or timed out are left out, by status (a crash in a pass
    /// after the samples keeps them, and they are still not recorded). Custom metrics also
    /// record their direction and exactness (`MetricSummary.better`, `exact`).
    ///
    /// - Parameters:
    ///   - results: the run's results (validated: finite samples, never empty).
    ///   - commit: the commit measured; empty when unknown.
    ///   - date: when, ISO 8601 in UTC (see `isoDate(_:)`).
    ///   - baselineHash: `baselineHash(of:)` of the baseline gated against; empty for none.
    package init(results: ResultsFile, commit: String, date: String, baselineHash: String) {
        let benchmarks = results.benchmarks.filter { $0.status == .ok && !$0.metrics.isEmpty }.map { benchmark in
            Benchmark(name: benchmark.name, metrics: Dictionary(uniqueKeysWithValues: benchmark.metrics.map { name, metric in
                (name, MetricSummary(metric, declared: MetricID(rawValue: name) == nil))
            }))
        }
        self.init(commit: commit, date: date, baselineHash: baselineHash, benchmarks: benchmarks)
    }

    /// The short content hash entries store for a baseline file: 16 hex digits of FNV-1a
    /// over its bytes. Any change to the file, even of whitespace, changes it.
    package static func baselineHash(of bytes: [UInt8]) -> String {
        FNV1a.hexDigits(of: bytes)
    }
}
