import BenchResults
import BenchStatistics
import DescriptiveStatistics
import CLISupport
import GateFormats

/// `memgate history check`: whether any gated metric got worse than its threshold since the
/// last baseline update, by change points in the runs of a history.
///
///     let check = HistoryCheck(history: history, benchmarks: history.benchmarkNames, metrics: nil, options: options)
///     check.exitCode   // .regression when a finding regressed
///
/// Per series (benchmark and metric, `SeriesChanges`), with u the run at which the last
/// baseline update took effect (the newest point marked `baselineUpdate`; the first run when
/// none is): the level at u is that of the segment holding u, the level now that of the last
/// segment. Where the first rank change point after u may be at u (`window`), only the runs
/// from u on are searched, as a series of their own. The series is a **finding** when at
/// least one change point after u goes the
/// worse way and the level now is worse than the level at u beyond the metric's threshold
/// (for an exact metric whose counts vary between processes, the threshold widened to its
/// unstable floor, as the gate does). A finding of an exact metric regressed, by definition.
/// Every rank-judged series of the check is one member of a Holm family (`refs`' strict
/// scope, not `check`'s: a false change point stays in the history and would fail every
/// scheduled check that follows, so the family-wise level covers the whole check): a
/// finding's p-value is its worse steps' smallest, re-tested with enough permutations for
/// alpha / family size; the other members count as p = 1; a finding regressed when its
/// adjusted p-value is below alpha. A regression fixed since (the level now back within the
/// threshold) is no finding.
///
/// A rank-judged series needs `minimumRunsSinceUpdate` runs from u on, and 2 x
/// `RankChanges.minimumSegment` in all, to hold a change after u at all: with fewer it is
/// `unchecked` (listed, never a failure: a short history is the normal state right after a
/// baseline update, and the runs are judged by the checks that follow). Exact series are
/// always checked. Metrics whose threshold is off, and noisy metrics whose policy is
/// `report`, are not gated.
package struct HistoryCheck: Sendable {
    /// A series whose level got worse than its threshold since the last baseline update.
    package struct Finding: Sendable {
        /// The series.
        package var series: SeriesChanges
        /// The threshold in force (widened for an unstable exact metric).
        package var threshold: Threshold
        /// The index of the run at which the last baseline update took effect (0: none).
        package var update: Int
        /// The level at `update` and the level now.
        package var levelAtUpdate: Double, levelNow: Double
        /// The change points after `update` that go the worse way, oldest first.
        package var worsening: [ChangeStep]
        /// The smallest p-value of `worsening` and its Holm-adjusted value; nil for exact.
        package var pValue: Double?, adjustedPValue: Double?
        /// Whether it fails the check.
        package var regressed: Bool

        /// The worse steps as one span (`Shift`): from the last run before the first to the
        /// first run after the last.
        package var span: Shift { Shift(steps: worsening) }
        /// The relative change since the update (levelNow / levelAtUpdate - 1); nil from 0.
        package var relativeChange: Double? { levelAtUpdate == 0 ? nil : levelNow / levelAtUpdate - 1 }
    }

    /// A gated series that cannot hold a change after the last baseline update yet.
    package struct Unchecked: Sendable, Equatable {
        /// The benchmark and the metric.
        package var benchmark: String, metric: String
        /// Runs from the update on, and how many a change after it needs.
        package var runsSinceUpdate: Int, needed: Int
    }

    /// The fewest runs from a baseline update on in which a rank-judged series can show a
    /// change after the update: the run of the update, then the change, then the rest of
    /// `RankChanges.minimumSegment` runs at the new level.
    package static let minimumRunsSinceUpdate = RankChanges.minimumSegment + 1

    /// How many runs the history holds.
    package var runCount: Int
    /// The level of the tests.
    package var alpha: Double
    /// How many series were judged, and how many were left out as not gated.
    package var checked = 0, notGated = 0
    /// How many of the judged series were rank-judged (the newest runs of those wait for
    /// later checks).
    package var rankJudged = 0
    /// The findings, in series order.
    package var findings: [Finding] = []
    /// The gated series too short since their update to judge.
    package var unchecked: [Unchecked] = []

    /// 1 when a finding regressed, else 0.
    package var exitCode: ExitCode { findings.contains(where: \.regressed) ? .regression : .pass }

    /// Checks the series of `benchmarks` and `metrics` (every metric when nil) in `history`.
    package init(history: History, benchmarks: [String], metrics: [String]?, options: ComparisonOptions) {
        var detection = ChangeDetection(alpha: options.alpha)
        self.init(history: history, benchmarks: benchmarks, metrics: metrics, options: options, detection: &detection)
    }

    /// The same, drawing permutations through `detection` (set to `options.alpha`), so
    /// checks of many histories (a simulation) share them.
    package init(
        history: History, benchmarks: [String], metrics: [String]?, options: ComparisonOptions, detection: inout ChangeDetection
    ) {
        runCount = history.entries.count
        alpha = options.alpha
        detection.alpha = options.alpha
        for series in SeriesChanges.all(in: history, benchmarks: benchmarks, metrics: metrics, detection: &detection) {
            judge(Self.window(series, detection: &detection), options: options)
        }
        resolve(&detection)
    }

    /// `series`, or only its runs from the last baseline update on (searched anew) when its
    /// first rank change point after the update may be at the update: within
    /// `RankChanges.minimumSegment` runs of it, or with the update inside the step's location
    /// interval (`ChangeStep.mayBe(at:in:)`). Baselines are updated with the change that moved
    /// them, and a noisy estimate of that change's location can land after the update; the
    /// runs gated against the new baseline alone then say whether anything moved since.
    static func window(_ series: SeriesChanges, detection: inout ChangeDetection) -> SeriesChanges {
        guard series.method == .rank, let update = series.points.lastIndex(where: \.baselineUpdate), update > 0,
              let first = series.steps.first(where: { $0.index > update }),
              first.index < update + RankChanges.minimumSegment || first.mayBe(at: update, in: series.values) else { return series }
        return series.suffix(from: update, detection: &detection)
    }

    private mutating func judge(_ series: SeriesChanges, options: ComparisonOptions) {
        var threshold = options.thresholds.threshold(benchmark: series.benchmark, metric: series.metric, exact: series.exact)
        let unstable = series.exact && series.method == .rank
        guard !threshold.isOff, series.exact || options.noisyPolicy(for: series.metric) == .gate else {
            notGated += 1
            return
        }
        if unstable { threshold = threshold.widened(toFraction: options.unstableFloor(for: series.metric)) }
        let update = series.points.lastIndex(where: \.baselineUpdate) ?? 0
        let count = series.points.count
        if series.method == .rank {
            let needed = max(Self.minimumRunsSinceUpdate, 2 * RankChanges.minimumSegment - update)
            guard count - update >= needed else {
                unchecked.append(Unchecked(benchmark: series.benchmark, metric: series.metric, runsSinceUpdate: count - update,
                                           needed: needed))
                return
            }
            rankJudged += 1
        }
        checked += 1
        let levelAtUpdate = series.steps.last { $0.index <= update }?.after ?? series.steps.first?.before
            ?? Descriptive.median(series.values) ?? .nan
        let levelNow = series.steps.last?.after ?? levelAtUpdate
        let worsening = series.steps.filter { $0.index > update && $0.isWorse(better: series.better) }
        guard !worsening.isEmpty, threshold.isExceeded(from: levelAtUpdate, to: levelNow, better: series.better) else { return }
        findings.append(Finding(series: series, threshold: threshold, update: update, levelAtUpdate: levelAtUpdate,
                                levelNow: levelNow, worsening: worsening, regressed: series.method == .exact))
    }

    /// Re-tests the rank findings at alpha / the number of rank-judged series and Holm-adjusts
    /// them with the other rank-judged series at p = 1.
    private mutating func resolve(_ detection: inout ChangeDetection) {
        let family = findings.indices.filter { findings[$0].series.method == .rank }
        guard !family.isEmpty else { return }
        let untested = rankJudged - family.count
        let level = alpha / Double(family.count + untested)
        let raw = family.map { index in
            let finding = findings[index]
            return finding.worsening.compactMap { detection.retest($0, in: finding.series.values, level: level) }.min() ?? 1
        }
        for (position, adjusted) in HolmBonferroni.adjust(raw + Array(repeating: 1, count: untested)).prefix(family.count).enumerated() {
            let index = family[position]
            findings[index].pValue = raw[position]
            findings[index].adjustedPValue = adjusted
            // Fail closed where the level is below what the permutations resolve: a p-value
            // at their floor is as strong as the evidence can get.
            let unresolvable = level <= ChangeDetection.smallestPValue && raw[position] <= ChangeDetection.smallestPValue
            findings[index].regressed = adjusted < alpha || unresolvable
        }
    }
}
