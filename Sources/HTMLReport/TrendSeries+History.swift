import BenchResults
import GateFormats

extension TrendSeries {
    /// The metrics a benchmark's history section charts, in this order, when recorded.
    package static let chartedMetrics = ["time", "allocs", "bytes", "retains", "peakRSS"]

    /// The trends of `benchmarks` in `history` (`History.series(of:metrics:)`, one pass): per
    /// benchmark, one series per metric of `metrics` it recorded, oldest run first, with
    /// baseline updates marked. Point labels are commits shortened to 7 characters, or `#N`
    /// (the run's line) without one.
    package static func trends(
        from history: History, benchmarks: Set<String>, metrics: [String] = chartedMetrics
    ) -> [String: [TrendSeries]] {
        history.series(of: benchmarks, metrics: metrics).mapValues { byMetric in
            metrics.compactMap { metric in
                byMetric[metric].map { points in
                    TrendSeries(metric: metric, unit: points[0].point.unit, points: points.map { run, point in
                        Point(label: point.commit.isEmpty ? "#\(run + 1)" : String(point.commit.prefix(7)), date: point.date,
                              value: point.median, low: point.min, high: point.max, baselineUpdate: point.baselineUpdate)
                    })
                }
            }
        }
    }
}
