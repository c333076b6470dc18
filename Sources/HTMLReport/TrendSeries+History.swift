import BenchResults
import GateCore
import GateFormats

extension TrendSeries {
    /// The metrics a benchmark's history section charts, in this order, when recorded.
    package static let chartedMetrics = ["time", "allocs", "bytes", "retains", "peakRSS"]

    /// The trends of `benchmarks` in `history` (`History.series(of:metrics:)`, one pass): per
    /// benchmark, one series per metric of `metrics` it recorded, oldest run first, with
    /// baseline updates and shifts marked (`SeriesChanges` at level `alpha`, which the
    /// series share their permutations through). Point labels are commits shortened to 7
    /// characters, or `#N` (the run's line) without one.
    package static func trends(
        from history: History, benchmarks: Set<String>, metrics: [String] = chartedMetrics, alpha: Double = GateDefaults.alpha
    ) -> [String: [TrendSeries]] {
        var detection = ChangeDetection(alpha: alpha)
        var trends: [String: [TrendSeries]] = [:]
        for (benchmark, byMetric) in history.series(of: benchmarks, metrics: metrics).sorted(by: { $0.key < $1.key }) {
            trends[benchmark] = metrics.compactMap { metric in
                byMetric[metric].map { points in
                    let changes = SeriesChanges(benchmark: benchmark, metric: metric, points: points, detection: &detection)
                    return TrendSeries(metric: metric, unit: points[0].point.unit, points: points.map { run, point in
                        Point(label: point.commit.isEmpty ? "#\(run + 1)" : String(point.commit.prefix(7)), date: point.date,
                              value: point.median, low: point.min, high: point.max, baselineUpdate: point.baselineUpdate)
                    }, changes: marks(changes, offset: points.count - changes.points.count))
                }
            }
        }
        return trends
    }

    /// The shifts of `series` as chart marks; `offset` is the index in the chart's points of
    /// the series' first point (a series starts again where its unit changes).
    static func marks(_ series: SeriesChanges, offset: Int) -> [Change] {
        series.shifts.map { shift in
            Change(from: offset + shift.lastBefore, to: offset + shift.firstAfter,
                   label: "\(series.changeText(from: shift.from, to: shift.to)) \(series.range(shift, length: 7))",
                   worse: shift.isWorse(better: series.better))
        }
    }
}
