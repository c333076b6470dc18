import BenchResults
import BenchStatistics
import DescriptiveStatistics

/// What an A/A run of a suite says about its gate: two pools of rounds from one build,
/// interleaved exactly as `memgate refs` runs them, analysed per benchmark and metric.
///
///     let calibration = try Calibration(a: poolA, b: poolB, options: options, rounds: 10)
///     calibration.report          // the A/A check itself: what refs would have said
///     calibration.recommendation  // thresholds, rounds and floor for baselines/memgate.json
///
/// Per row (each value is one process's median, as in `refs`):
/// - `spread`: half the 5th-95th percentile range of both pools' values, relative to their
///   median: how far one process lands from the next.
/// - `wander`: the 99th percentile of |median(B') / median(A') - 1| over `splits` random
///   splits of both pools' values into two pools of the same sizes: how far the estimate of
///   an unchanged benchmark moves at these rounds. A threshold below it makes the row
///   cross its threshold by chance in more than 1% of checks.
/// - `detectable`: the smallest change (of `CalibrationAdvice.steps`) that the gate's rule
///   at one look (median ratio beyond the threshold AND a U test below the first look's
///   per-test level, Holm over every gated noisy row) flags with at least 80% power at
///   these rounds, estimated by drawing rounds with replacement from both pools' values
///   (`Calibration+Power.swift`). Exact power, not Noether's approximation, which is
///   pessimistic at the large effects a few rounds can detect.
/// - exact metrics: `shift`, the largest |value / median - 1| over both pools (the
///   between-process move an unstable count makes; 0 for a stable one).
///
/// And for the suite: the A/A check's own verdict (`report`), and `splitFalseAlarms`, how
/// many of `splits` random splits would exit non-zero at one look.
///
/// Pure: deterministic for a given seed.
package struct Calibration {
    /// One benchmark's metric.
    package struct Row: Equatable {
        package var benchmark: String
        package var metric: String
        package var unit: MetricUnit
        package var exact: Bool
        /// Values per pool.
        package var rounds: (a: Int, b: Int)
        package var spread: Double
        /// Noisy metrics: the A/A change of medians, its 99th-percentile wander, the
        /// smallest detectable change (nil beyond +200%).
        package var change: Double?, wander: Double?, detectable: Double?
        /// Noisy metrics: rounds per side (of `Calibration.roundSteps`) at which the rule,
        /// with the recommended threshold (`CalibrationAdvice.nice(wander)`), flags a change
        /// of twice that threshold with 80% power.
        package var roundsNeeded: Int?
        /// Exact metrics: the largest between-process move.
        package var shift: Double?
        /// The threshold the configuration gives the row.
        package var threshold: Threshold
        /// The row's verdict in the A/A check.
        package var verdict: Verdict

        package static func == (x: Row, y: Row) -> Bool {
            x.benchmark == y.benchmark && x.metric == y.metric && x.unit == y.unit && x.exact == y.exact
                && x.rounds == y.rounds && x.spread == y.spread && x.change == y.change && x.wander == y.wander
                && x.detectable == y.detectable && x.roundsNeeded == y.roundsNeeded && x.shift == y.shift
                && x.threshold == y.threshold && x.verdict == y.verdict
        }
    }

    /// Random splits used for `wander` and `splitFalseAlarms`.
    package static let splits = 200

    package var rows: [Row] = []
    /// The A/A check (pool A as the baseline, pool B as current) at the first look's level.
    package var report: Report
    /// Splits that would exit non-zero at one look.
    package var splitFalseAlarms = 0
    /// The per-test level `detectable` is judged at: the first look's level over the
    /// gated noisy rows.
    package var level: Double
    /// What to put in the configuration.
    package var recommendation: CalibrationAdvice

    /// Analyses pools `a` and `b` (one value per metric per round, as `InterleavedRuns`
    /// pools them) under `options` (thresholds, alpha, noisy policy, unstable floors of the
    /// user's config).
    ///
    /// - Throws: `ThresholdError` when a threshold cannot apply to a metric's unit.
    package init(
        a: ResultsFile, b: ResultsFile, options: ComparisonOptions, seed: UInt64 = 1
    ) throws(ThresholdError) {
        var levelled = options
        levelled.alpha = SequentialLooks(alpha: options.alpha, settling: true).level(look: 0)
        levelled.family = .allGated
        report = try Comparison.compare(baseline: a, current: b, baselineName: "pool A", currentName: "pool B", options: levelled)
        level = levelled.alpha / Double(max(report.familySize, 1))
        var random = SeededRandom(seed: seed)
        let verdicts = Dictionary(
            report.benchmarks.flatMap { entry in entry.metrics.map { ("\(entry.name)\u{0}\($0.metric)", $0.verdict) } },
            uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(b.benchmarks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for first in a.benchmarks where first.status == .ok {
            guard let second = byName[first.name], second.status == .ok else { continue }
            for name in Comparison.metricNames(first, second) {
                guard let x = first.metrics[name], let y = second.metrics[name], !x.samples.isEmpty, !y.samples.isEmpty else { continue }
                let exact = x.exact && y.exact
                rows.append(Self.row(
                    benchmark: first.name, metric: name, x: x.samples, y: y.samples, unit: x.unit, exact: exact, better: x.better,
                    threshold: options.thresholds.threshold(benchmark: first.name, metric: name, exact: exact),
                    verdict: verdicts["\(first.name)\u{0}\(name)"] ?? .reported, level: level, random: &random))
            }
        }
        splitFalseAlarms = try Self.splitFalseAlarms(a: a, b: b, options: levelled, random: &random)
        recommendation = CalibrationAdvice(rows: rows, floor: options.unstableFloor(for:))
    }

    package static func row(
        benchmark: String, metric: String, x: [Double], y: [Double], unit: MetricUnit, exact: Bool, better: MetricDirection,
        threshold: Threshold, verdict: Verdict, level: Double, random: inout SeededRandom
    ) -> Row {
        let all = x + y
        let spread = Descriptive.relativeSpread(all) ?? 0
        var row = Row(benchmark: benchmark, metric: metric, unit: unit, exact: exact, rounds: (x.count, y.count), spread: spread,
                      threshold: threshold, verdict: verdict)
        if exact {
            let median = Descriptive.median(all) ?? 0
            row.shift = median == 0 ? 0 : all.map { abs($0 / median - 1) }.max()!
            return row
        }
        row.change = ratioChange(x, y)
        var wanders: [Double] = []
        for _ in 0..<splits {
            let shuffled = all.shuffled(using: &random)
            if let change = ratioChange(Array(shuffled[..<x.count]), Array(shuffled[x.count...])) { wanders.append(abs(change)) }
        }
        row.wander = Descriptive.quantile(wanders, 0.99)
        row.detectable = detectableChange(
            all, rounds: min(x.count, y.count), threshold: threshold, better: better, level: level, random: &random)
        let need = CalibrationAdvice.nice(row.wander ?? 0)
        row.roundsNeeded = roundsToDetect(
            all, change: 2 * need, threshold: threshold.withFraction(need), better: better, level: level, random: &random)
        return row
    }

    /// `median(y) / median(x) - 1`, nil when a median is 0 or a side empty.
    package static func ratioChange(_ x: [Double], _ y: [Double]) -> Double? {
        guard let mx = Descriptive.median(x), let my = Descriptive.median(y), mx != 0 else { return nil }
        return my / mx - 1
    }

    /// How many of `splits` random splits of both pools (every metric of every benchmark
    /// shuffled between the pools together, round by round) exit non-zero at one look.
    package static func splitFalseAlarms(
        a: ResultsFile, b: ResultsFile, options: ComparisonOptions, random: inout SeededRandom
    ) throws(ThresholdError) -> Int {
        let byName = Dictionary(b.benchmarks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var alarms = 0
        for _ in 0..<splits {
            var left = a, right = a
            left.benchmarks = []
            right.benchmarks = []
            for first in a.benchmarks {
                guard let second = byName[first.name], first.status == .ok, second.status == .ok else { continue }
                let (x, y) = split(first, second, random: &random)
                left.benchmarks.append(x)
                right.benchmarks.append(y)
            }
            let check = try Comparison.compare(baseline: left, current: right, baselineName: "A", currentName: "B", options: options)
            if check.exitCode(policy: .report) != .pass { alarms += 1 }
        }
        return alarms
    }

    /// Two benchmarks of the sizes of `x` and `y`, their rounds dealt at random from both
    /// (a round keeps all its metrics together).
    package static func split(
        _ x: BenchmarkResult, _ y: BenchmarkResult, random: inout SeededRandom
    ) -> (BenchmarkResult, BenchmarkResult) {
        let names = Set(x.metrics.keys).intersection(y.metrics.keys).filter {
            x.metrics[$0]!.samples.count == x.iterations.count && y.metrics[$0]!.samples.count == y.iterations.count
        }
        let total = x.iterations.count + y.iterations.count
        let order = Array(0..<total).shuffled(using: &random)
        func take(_ indices: ArraySlice<Int>, like model: BenchmarkResult) -> BenchmarkResult {
            var result = model
            result.iterations = indices.map { $0 < x.iterations.count ? x.iterations[$0] : y.iterations[$0 - x.iterations.count] }
            result.metrics = [:]
            for name in names {
                var metric = x.metrics[name]!
                metric.samples = indices.map {
                    $0 < x.iterations.count ? x.metrics[name]!.samples[$0] : y.metrics[name]!.samples[$0 - x.iterations.count]
                }
                result.metrics[name] = metric
            }
            return result
        }
        return (take(order[..<x.iterations.count], like: x), take(order[x.iterations.count...], like: y))
    }
}
