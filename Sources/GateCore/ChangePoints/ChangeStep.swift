import BenchStatistics
import DescriptiveStatistics

/// One change point of a series: the run at which a new level starts, the levels on both
/// sides and the evidence for it.
///
///     let steps = ChangeStep.steps(at: [30], in: medians)   // levels from the segments
///     steps[0].before, steps[0].after                        // median of runs 0..<30, 30..<60
///
/// A level is the median of the runs of a segment: from the previous change point (or the
/// series' start) to the next one (or its end). Indices count the series' points, oldest
/// first.
package struct ChangeStep: Sendable, Equatable {
    /// The index of the first run at the new level (at least 1).
    package var index: Int
    /// The level before the change and the level after it.
    package var before: Double, after: Double
    /// The permutation p-value of the split test that found it (`RankChanges`), or nil for a
    /// change of an exact metric's median, which is a change by definition (`ExactChanges`).
    package var pValue: Double?
    /// The runs the split test ran on and its statistic (nil for exact changes): what a
    /// stricter level re-tests with more permutations (`ChangeDetection.retest`).
    package var tested: Range<Int>?, statistic: Double?

    /// Creates a step.
    package init(index: Int, before: Double, after: Double, pValue: Double? = nil, tested: Range<Int>? = nil, statistic: Double? = nil) {
        self.index = index
        self.before = before
        self.after = after
        self.pValue = pValue
        self.tested = tested
        self.statistic = statistic
    }

    /// Whether the level rose.
    package var rises: Bool { after > before }

    /// Whether the test that found this step, on the runs of `values` it tested, would place
    /// it at `index` almost as well: Z(split)^2 - Z(index)^2 at most `locationGap` (the
    /// statistic's squared terms, `SplitRankStatistic`), a location interval in the manner of
    /// a profile likelihood's. An exact step has a location, never an interval: false; so is
    /// an `index` outside the tested runs or at their first.
    package func mayBe(at index: Int, in values: [Double]) -> Bool {
        guard let tested, let statistic, index > tested.lowerBound, index < tested.upperBound else { return false }
        let there = SplitRankStatistic.standardized(ranks: MidRanks.of(Array(values[tested])), split: index - tested.lowerBound)
        return statistic * statistic - there * there <= Self.locationGap
    }

    /// The gap of `mayBe(at:in:)`: 10, the 99.84% quantile of chi-squared with one degree of
    /// freedom (for a normal mean shift, a location interval of about 99.8%). Chosen on the
    /// recorded noise, whose heavy tails put a change's estimate up to 19 runs late: a change
    /// the baseline update accepted then fails `history check` in 1 of 400 60-run histories
    /// (3.84, the 95% quantile: 12 of 400; `ChangePointSimulationTests`).
    package static let locationGap = 10.0

    /// Whether the change goes the worse way for a metric where `better` is better.
    package func isWorse(better: MetricDirection) -> Bool {
        better == .lower ? after > before : after < before
    }

    /// The relative change of the level, after / before - 1 (0.2 is +20%); nil when the level
    /// before is 0 (a count that starts at zero).
    package var relativeChange: Double? {
        before == 0 ? nil : after / before - 1
    }

    /// Steps at `indices` (ascending, each in 1..<values.count) with the levels of the
    /// segments they separate; p-values and tests are the caller's to fill in.
    package static func steps(at indices: [Int], in values: [Double]) -> [ChangeStep] {
        let bounds = [0] + indices + [values.count]
        let levels = zip(bounds, bounds.dropFirst()).map { start, end in Descriptive.median(Array(values[start..<end])) ?? .nan }
        return indices.enumerated().map { position, index in
            ChangeStep(index: index, before: levels[position], after: levels[position + 1])
        }
    }
}
