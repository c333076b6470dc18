import BenchStatistics

/// Change points of a noisy series (time, latency, RSS, noisy custom metrics, and exact
/// metrics whose counts vary between processes), assuming nothing about the noise but that
/// the runs of one level are exchangeable: binary segmentation with the permutation test of
/// the maximally selected rank statistic (`SplitRankTest`).
///
/// Binary segmentation (L. Yu. Vostrikova, "Detecting 'disorder' in multidimensional random
/// processes", Soviet Mathematics Doklady 24, 55-59, 1981): test the whole series for one
/// change; if the p-value is below alpha, split it there and test each part the same way,
/// until no part of at least two segments' length (`minimumSegment` runs each) shows a
/// change. Under no change at all, the first test is the only one that can start a false
/// change point, so the chance of any false change point in a series is at most alpha.
/// A change must have `minimumSegment` runs after it to be seen.
package enum RankChanges {
    /// The fewest runs a level may have on either side of a change point.
    package static let minimumSegment = 5

    /// The change points of `values` (no NaN) at level `alpha`, oldest first, with their
    /// p-values, tested runs and statistics (levels filled in by `ChangeStep.steps`).
    ///
    /// - Parameter test: the permutation distributions, shared across series.
    package static func steps(in values: [Double], alpha: Double, permutations: Int, test: inout SplitRankTest) -> [ChangeStep] {
        var found: [(index: Int, pValue: Double, tested: Range<Int>, statistic: Double)] = []
        var pending = [0..<values.count]
        while let segment = pending.popLast() {
            guard segment.count >= 2 * minimumSegment,
                  let result = test.test(Array(values[segment]), minimumSegment: minimumSegment, permutations: permutations),
                  result.pValue < alpha else { continue }
            let index = segment.lowerBound + result.statistic.split
            found.append((index, result.pValue, segment, result.statistic.value))
            pending += [segment.lowerBound..<index, index..<segment.upperBound]
        }
        found.sort { $0.index < $1.index }
        var steps = ChangeStep.steps(at: found.map(\.index), in: values)
        for (position, step) in found.enumerated() {
            steps[position].pValue = step.pValue
            steps[position].tested = step.tested
            steps[position].statistic = step.statistic
        }
        return steps
    }
}
