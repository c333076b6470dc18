import BenchResults
import GateFormats

/// The change points of one metric of one benchmark over a history: the series (the run's
/// median, oldest first), the method that judged it and the steps and shifts it found.
///
///     var detection = ChangeDetection(alpha: 0.01)
///     for series in SeriesChanges.all(in: history, benchmarks: ["json/encode"], metrics: nil, detection: &detection) {
///         for shift in series.shifts { print(series.metric, shift.relativeChange!, series.range(shift)) }
///     }
///
/// A series starts again where its unit, direction or exactness changes (the values before
/// are not comparable with those after): only the runs from the last such change on are
/// searched.
package struct SeriesChanges: Sendable {
    /// The benchmark and the metric.
    package var benchmark: String, metric: String
    /// The runs searched, oldest first, and each one's index in the history's entries.
    package var points: [HistoryPoint], runs: [Int]
    /// The method that judged the series.
    package var method: ChangeMethod
    /// The change points found, oldest first.
    package var steps: [ChangeStep]

    /// The medians searched.
    package var values: [Double] { points.map(\.median) }
    /// The unit of every value.
    package var unit: MetricUnit { points[points.count - 1].unit }
    /// Which direction is better.
    package var better: MetricDirection { points[points.count - 1].better }
    /// Whether the metric is declared exact (it may still be judged by rank: `method`).
    package var exact: Bool { points[points.count - 1].exact }
    /// The shifts: the steps grouped by direction (`Shift.grouping`).
    package var shifts: [Shift] { Shift.grouping(steps) }

    /// Searches the series `points` (with their runs' indices, oldest first, never empty).
    package init(benchmark: String, metric: String, points: [(run: Int, point: HistoryPoint)], detection: inout ChangeDetection) {
        let last = points[points.count - 1].point
        let start = points.lastIndex { $0.point.unit != last.unit || $0.point.better != last.better || $0.point.exact != last.exact }
            .map { $0 + 1 } ?? 0
        self.init(benchmark: benchmark, metric: metric, kept: points[start...], detection: &detection)
    }

    /// The series from its point at `index` on, searched anew (`HistoryCheck`: the runs since
    /// a baseline update).
    package func suffix(from index: Int, detection: inout ChangeDetection) -> SeriesChanges {
        SeriesChanges(benchmark: benchmark, metric: metric, kept: zip(runs, points).map { (run: $0, point: $1) }[index...],
                      detection: &detection)
    }

    private init(benchmark: String, metric: String, kept: ArraySlice<(run: Int, point: HistoryPoint)>, detection: inout ChangeDetection) {
        self.benchmark = benchmark
        self.metric = metric
        self.points = kept.map(\.point)
        self.runs = kept.map(\.run)
        method = ChangeDetection.method(exact: self.points[self.points.count - 1].exact, points: self.points)
        steps = []
        steps = detection.steps(in: values, method: method)
    }

    /// Every series of `benchmarks` (in order) in `history`: each metric of `metrics` a
    /// benchmark recorded (every metric it recorded when nil), in `History.metricNames` order.
    package static func all(
        in history: History, benchmarks: [String], metrics: [String]?, detection: inout ChangeDetection
    ) -> [SeriesChanges] {
        let names = metrics ?? Array(Set(benchmarks.flatMap(history.metricNames(of:))))
        let found = history.series(of: Set(benchmarks), metrics: names)
        var all: [SeriesChanges] = []
        for benchmark in benchmarks {
            for metric in history.metricNames(of: benchmark) where names.contains(metric) {
                guard let points = found[benchmark]?[metric], !points.isEmpty else { continue }
                all.append(SeriesChanges(benchmark: benchmark, metric: metric, points: points, detection: &detection))
            }
        }
        return all
    }

    /// The run number a person reads (its line in the history file, 1 for the oldest kept).
    package func runNumber(_ index: Int) -> Int { runs[index] + 1 }

    /// The commit of the point at `index` shortened to `length` characters, or `#N` (its run
    /// number) when it was not recorded.
    package func label(_ index: Int, length: Int = 10) -> String {
        let commit = points[index].commit
        return commit.isEmpty ? "#\(runNumber(index))" : String(commit.prefix(length))
    }

    /// The commits that can have caused `shift`: `A..B`, A the commit of the last run at the
    /// old level, B that of the first run at the new one (`label` for each).
    package func range(_ shift: Shift, length: Int = 10) -> String {
        "\(label(shift.lastBefore, length: length))..\(label(shift.firstAfter, length: length))"
    }
}
