import BenchResults
import BenchStatistics
import DescriptiveStatistics

extension Calibration {
    /// Draws per power estimate.
    package static let powerDraws = 100
    /// The changes `detectable` is looked for at: the advice's round percentages.
    package static var changeSteps: [Double] { CalibrationAdvice.steps }
    /// The round counts `roundsNeeded` is looked for at.
    package static let roundSteps = [5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50]

    /// The chance that the gate's rule at one look (median ratio beyond `threshold` AND a
    /// U test below `level`) flags a change of `change` in the worse direction, with
    /// `rounds` values per side drawn with replacement from `values` (the head side's
    /// draws scaled).
    package static func power(
        of values: [Double], rounds: Int, change: Double, threshold: Threshold, better: MetricDirection, level: Double,
        random: inout SeededRandom
    ) -> Double {
        let factor = better == .lower ? 1 + change : 1 / (1 + change)
        var detected = 0
        for _ in 0..<powerDraws {
            let base = (0..<rounds).map { _ in values[Int(random.next() % UInt64(values.count))] }
            let head = (0..<rounds).map { _ in values[Int(random.next() % UInt64(values.count))] * factor }
            guard let mb = Descriptive.median(base), let mh = Descriptive.median(head),
                  threshold.isExceeded(from: mb, to: mh, better: better),
                  let p = MannWhitneyU.test(base, head)?.pValue, p < level else { continue }
            detected += 1
        }
        return Double(detected) / Double(powerDraws)
    }

    /// The smallest of `changeSteps` the rule detects with at least 80% power at `rounds`.
    package static func detectableChange(
        _ values: [Double], rounds: Int, threshold: Threshold, better: MetricDirection, level: Double, random: inout SeededRandom
    ) -> Double? {
        changeSteps.first {
            power(of: values, rounds: rounds, change: $0, threshold: threshold, better: better, level: level, random: &random) >= 0.8
        }
    }

    /// The fewest of `roundSteps` that detect `change` under `threshold` with 80% power.
    package static func roundsToDetect(
        _ values: [Double], change: Double, threshold: Threshold, better: MetricDirection, level: Double, random: inout SeededRandom
    ) -> Int? {
        roundSteps.first {
            power(of: values, rounds: $0, change: change, threshold: threshold, better: better, level: level, random: &random) >= 0.8
        }
    }
}
