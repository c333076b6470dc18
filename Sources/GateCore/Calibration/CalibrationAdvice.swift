/// The configuration a calibration recommends: the tightest thresholds an unchanged suite
/// stays inside, the rounds that detect twice those, and the unstable floor.
///
/// - Thresholds, per gated noisy metric: `nice(wander)` of each benchmark (the 99th
///   percentile of the A/A estimate's move, rounded up to a round percentage). The suite
///   gets the largest of them, except benchmarks needing more than twice the median need,
///   which get an entry of their own (`benchmarks`, matched by exact name) so that one
///   jumpy benchmark does not loosen the others.
/// - Rounds: the 75th percentile of the rows' `roundsNeeded` (50 where even 50 is not enough), within 5...50.
/// - `unstableFloor`: when twice the between-process move of an exact metric, rounded up, is
///   above that metric's floor in force, the largest such need, and never below any floor in
///   force (the key sets every metric's floor, so floors are only ever raised).
package struct CalibrationAdvice: Equatable {
    /// Suite-wide thresholds by metric.
    package var thresholds: [String: Threshold] = [:]
    /// Per-benchmark thresholds, by exact benchmark name, in report order.
    package var benchmarks: [Entry] = []
    /// Rounds per side for `memgate refs`.
    package var rounds: Int
    /// A higher unstable floor, if the data asks for one.
    package var unstableFloor: Double?

    /// One per-benchmark entry.
    package struct Entry: Equatable {
        package var name: String
        package var thresholds: [String: Threshold]
    }

    /// The round percentages thresholds are rounded up to.
    package static let steps: [Double] = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2]

    /// The first of `steps` at or above `fraction` (the last step beyond them).
    package static func nice(_ fraction: Double) -> Double {
        steps.first { $0 >= fraction - 1e-12 } ?? steps.last!
    }

    /// Advice from a calibration's rows, given one unstable floor in force for every metric.
    package init(rows: [Calibration.Row], currentFloor: Double) {
        self.init(rows: rows, floor: { _ in currentFloor })
    }

    /// Advice from a calibration's rows, given each metric's unstable floor in force.
    package init(rows: [Calibration.Row], floor: (String) -> Double) {
        let gated = rows.filter { !$0.exact && !$0.threshold.isOff && $0.verdict != .reported && $0.wander != nil }
        var byMetric: [String: [Calibration.Row]] = [:]
        for row in gated { byMetric[row.metric, default: []].append(row) }
        var own: [String: [String: Threshold]] = [:]
        for (metric, metricRows) in byMetric {
            let model = metricRows[0].threshold
            let needs = metricRows.map { Self.nice($0.wander!) }
            let typical = needs.sorted()[needs.count / 2]
            var suite = 0.0
            for (row, need) in zip(metricRows, needs) {
                if need > 2 * typical && !row.benchmark.contains(where: { $0 == "*" || $0 == "?" }) {
                    own[row.benchmark, default: [:]][metric] = row.threshold.withFraction(need)
                } else {
                    suite = max(suite, need)
                }
            }
            if suite > 0 { thresholds[metric] = model.withFraction(suite) }
        }
        var seen = Set<String>()
        for row in rows where own[row.benchmark] != nil && seen.insert(row.benchmark).inserted {
            benchmarks.append(Entry(name: row.benchmark, thresholds: own[row.benchmark]!))
        }
        let needed = gated.map { $0.roundsNeeded ?? Calibration.roundSteps.last! }.sorted()
        rounds = needed.isEmpty ? RoundSchedule.defaultRounds : min(max(needed[(needed.count * 3) / 4], 5), 50)
        let moved = rows.filter { $0.exact && ($0.shift ?? 0) > 0 }
        let needs = moved.map { Self.nice(2 * $0.shift!) }
        let raised = zip(moved, needs).filter { $1 > floor($0.metric) + 1e-12 }.map(\.1)
        unstableFloor = raised.max().map { need in max(need, rows.filter(\.exact).map { floor($0.metric) }.max()!) }
    }
}
