import BenchResults

/// One point of a trend: a metric of one benchmark in one run of a `History`.
package struct HistoryPoint: Sendable, Equatable, Codable {
    /// The commit measured; empty when it was not known.
    package var commit: String
    /// When the run was recorded, ISO 8601 in UTC.
    package var date: String
    /// The median of the run's samples.
    package var median: Double
    /// The smallest sample.
    package var min: Double
    /// The largest sample.
    package var max: Double
    /// The unit of `median`, `min` and `max`.
    package var unit: MetricUnit
    /// True when this run was gated against a different baseline than the previous point of
    /// the same series (its baseline hash changed): the baseline was updated in between.
    /// Always false for the first point.
    package var baselineUpdate: Bool
    /// Which direction is better and whether the metric is exact
    /// (`HistoryEntry.MetricSummary.declaration(of:)`). Not coded: the coded fields are those
    /// of a point in `history show --format json`.
    package var better: Metric.Better = .lower, exact = false

    private enum CodingKeys: String, CodingKey { case commit, date, median, min, max, unit, baselineUpdate }

    /// Creates a point.
    package init(
        commit: String, date: String, median: Double, min: Double, max: Double, unit: MetricUnit, baselineUpdate: Bool,
        better: Metric.Better = .lower, exact: Bool = false
    ) {
        self.commit = commit
        self.date = date
        self.median = median
        self.min = min
        self.max = max
        self.unit = unit
        self.baselineUpdate = baselineUpdate
        self.better = better
        self.exact = exact
    }
}

extension History {
    /// The trend of `metric` of `benchmark`: one point per run that recorded it, in file
    /// order (oldest first). Runs without the benchmark or the metric are skipped, and
    /// `baselineUpdate` compares each point's baseline with the previous point's.
    ///
    ///     for point in history.series(benchmark: "json/encode", metric: "allocs") {
    ///         plot(point.date, point.median, whiskers: point.min...point.max, marked: point.baselineUpdate)
    ///     }
    ///
    /// - Complexity: O(entries × benchmarks per entry).
    package func series(benchmark: String, metric: String) -> [HistoryPoint] {
        series(of: [benchmark], metrics: [metric])[benchmark]?[metric]?.map(\.point) ?? []
    }

    /// The trends of every metric of `metrics` of every benchmark of `benchmarks` that
    /// recorded it, by benchmark then metric, each as `series(benchmark:metric:)` gives it
    /// with the index of the point's run in `entries`, in one pass over the history.
    ///
    /// - Complexity: O(entries × benchmarks per entry × metrics).
    package func series(of benchmarks: Set<String>, metrics: [String]) -> [String: [String: [(run: Int, point: HistoryPoint)]]] {
        var points: [String: [String: [(run: Int, point: HistoryPoint)]]] = [:]
        var previousHash: [String: [String: String]] = [:]
        for (run, entry) in entries.enumerated() {
            for benchmark in entry.benchmarks where benchmarks.contains(benchmark.name) {
                for metric in metrics {
                    guard let summary = benchmark.metrics[metric] else { continue }
                    let update = previousHash[benchmark.name]?[metric].map { $0 != entry.baselineHash } ?? false
                    previousHash[benchmark.name, default: [:]][metric] = entry.baselineHash
                    let declared = summary.declaration(of: metric)
                    // Appended in place (inout through both subscripts), never copied out and back.
                    points[benchmark.name, default: [:]][metric, default: []].append((run, HistoryPoint(
                        commit: entry.commit, date: entry.date, median: summary.median, min: summary.min, max: summary.max,
                        unit: summary.unit, baselineUpdate: update, better: declared.better, exact: declared.exact)))
                }
            }
        }
        return points
    }

    /// The entries for which `include` is true, in file order, each with whether its
    /// baseline hash differs from that of the previous included entry (false for the first).
    package func runs(where include: (HistoryEntry) -> Bool) -> [(entry: HistoryEntry, baselineUpdate: Bool)] {
        var previousHash: String?
        return entries.filter(include).map { entry in
            defer { previousHash = entry.baselineHash }
            return (entry, previousHash.map { $0 != entry.baselineHash } ?? false)
        }
    }

    /// Every benchmark name in the history, in order of first appearance.
    package var benchmarkNames: [String] {
        var seen: Set<String> = []
        return entries.flatMap { $0.benchmarks.map(\.name) }.filter { seen.insert($0).inserted }
    }

    /// The metric names `benchmark` has in any run: built-ins in `MetricID` order, then
    /// custom ones sorted (the order of `BenchmarkResult.orderedMetricNames`).
    package func metricNames(of benchmark: String) -> [String] {
        MetricID.displayOrder(Set(entries.flatMap { $0[benchmark]?.metrics.keys.map { $0 } ?? [] }))
    }
}
