import BenchResults

extension TrendSeries {
    /// The metrics a benchmark's history section charts, in this order, when recorded.
    package static let chartedMetrics = ["time", "allocs", "bytes", "retains", "peakRSS"]

    /// The trends of `benchmarks` in `history`: per benchmark, one series per metric of
    /// `metrics` it recorded, oldest run first, with baseline updates marked where a run's
    /// baseline hash differs from that series' previous point's (as `History.series` does).
    /// Point labels are commits shortened to 7 characters, or `#N` (the run's line) without one.
    ///
    /// One pass over the history: O(runs × benchmarks per run).
    package static func trends(
        from history: History, benchmarks: Set<String>, metrics: [String] = chartedMetrics
    ) -> [String: [TrendSeries]] {
        var points: [String: [String: (unit: MetricUnit, points: [Point], baseline: String)]] = [:]
        for (index, entry) in history.entries.enumerated() {
            let label = entry.commit.isEmpty ? "#\(index + 1)" : String(entry.commit.prefix(7))
            for benchmark in entry.benchmarks where benchmarks.contains(benchmark.name) {
                for metric in metrics {
                    guard let summary = benchmark.metrics[metric] else { continue }
                    var series = points[benchmark.name, default: [:]][metric] ?? (summary.unit, [], entry.baselineHash)
                    let update = !series.points.isEmpty && series.baseline != entry.baselineHash
                    series.points.append(Point(label: label, date: entry.date, value: summary.median, low: summary.min,
                                               high: summary.max, baselineUpdate: update))
                    series.baseline = entry.baselineHash
                    points[benchmark.name, default: [:]][metric] = series
                }
            }
        }
        return points.mapValues { byMetric in
            metrics.compactMap { metric in byMetric[metric].map { TrendSeries(metric: metric, unit: $0.unit, points: $0.points) } }
        }
    }
}
