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
                    // In place (inout through both subscripts): a copy out of the dictionary would
                    // make every append copy the array.
                    let point = Point(label: label, date: entry.date, value: summary.median, low: summary.min, high: summary.max)
                    append(point, baseline: entry.baselineHash,
                           to: &points[benchmark.name, default: [:]][metric, default: (summary.unit, [], entry.baselineHash)])
                }
            }
        }
        return points.mapValues { byMetric in
            metrics.compactMap { metric in byMetric[metric].map { TrendSeries(metric: metric, unit: $0.unit, points: $0.points) } }
        }
    }

    /// Appends `point` to `series`, marked as a baseline update when `baseline` differs from
    /// the series' previous point's.
    private static func append(_ point: Point, baseline: String, to series: inout (unit: MetricUnit, points: [Point], baseline: String)) {
        var point = point
        point.baselineUpdate = !series.points.isEmpty && series.baseline != baseline
        series.points.append(point)
        series.baseline = baseline
    }
}
