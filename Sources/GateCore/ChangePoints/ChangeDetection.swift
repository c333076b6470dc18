import BenchStatistics
import GateFormats

/// How a series' change points are found, and which assumption judges it.
package enum ChangeMethod: String, Sendable {
    /// An exact metric whose every run is stable: each change of the median is a change
    /// point (`ExactChanges`).
    case exact
    /// Anything else: binary segmentation with a rank test (`RankChanges`).
    case rank
}

/// The settings and the state of a search for change points: the level of each split test,
/// how many permutations a level needs, and the permutation distributions drawn so far,
/// shared by every series searched with one value (a history's series of one length draw
/// theirs once). Same settings and values, same change points.
///
///     var detection = ChangeDetection(alpha: 0.01)
///     let steps = detection.steps(in: medians, method: .rank)
package struct ChangeDetection: Sendable {
    /// The level of each split test.
    package var alpha: Double
    private var test = SplitRankTest()

    /// The fewest and the most permutations one test draws.
    package static let permutationRange = 1999...1_999_999
    /// The smallest level a search may use: below it, 20 / level permutations would exceed
    /// `permutationRange` (the commands refuse a smaller alpha, so no split is left unresolvable).
    package static let smallestAlpha = 1e-5
    /// The smallest p-value a test can give: 1 / (1 + the most permutations).
    package static let smallestPValue = 1 / Double(1 + permutationRange.upperBound)

    /// A search at level `alpha` (in (0, 1)).
    package init(alpha: Double) {
        self.alpha = alpha
    }

    /// The permutations a test at `level` draws: enough that the p-value's step, 1 / (1 +
    /// permutations), is a twentieth of the level (1999 at 0.01), within `permutationRange`.
    /// Below a level of 1e-5 the step cannot shrink further (2,000,000 permutations: p-values
    /// from 5e-7 up).
    package static func permutations(forLevel level: Double) -> Int {
        let wanted = (20 / level).rounded(.up) - 1
        guard wanted.isFinite, wanted < Double(permutationRange.upperBound) else { return permutationRange.upperBound }
        return max(permutationRange.lowerBound, Int(wanted))
    }

    /// The method for a series of `points` (oldest first) of a metric declared `exact`:
    /// `.exact` when it is and every run's samples were equal (min = max), else `.rank`.
    package static func method(exact: Bool, points: [HistoryPoint]) -> ChangeMethod {
        exact && points.allSatisfy { $0.min == $0.max } ? .exact : .rank
    }

    /// The change points of `values` (a series' medians, oldest first) by `method`.
    package mutating func steps(in values: [Double], method: ChangeMethod) -> [ChangeStep] {
        switch method {
        case .exact: ChangeStep.steps(at: ExactChanges.indices(in: values), in: values)
        case .rank: RankChanges.steps(in: values, alpha: alpha, permutations: Self.permutations(forLevel: alpha), test: &test)
        }
    }

    /// The p-value of a rank `step` of `values` with enough permutations for `level`, at
    /// least as many as found it (the first ones are the same permutations, so more can only
    /// refine it); the step's own p-value for an exact change (nil).
    package mutating func retest(_ step: ChangeStep, in values: [Double], level: Double) -> Double? {
        guard let tested = step.tested, let statistic = step.statistic else { return step.pValue }
        let permutations = max(Self.permutations(forLevel: level), Self.permutations(forLevel: alpha))
        return test.pValue(of: statistic, pattern: MidRanks.withPattern(Array(values[tested])).pattern,
                           minimumSegment: RankChanges.minimumSegment, permutations: permutations)
    }
}
