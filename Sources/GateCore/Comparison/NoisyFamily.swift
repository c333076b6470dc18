import BenchStatistics

/// The Holm family of one check: the noisy comparisons that were actually tested.
///
/// A noisy (benchmark, metric) enters the family when it is gated (threshold not `off`,
/// fingerprints match, its noisy policy is `gate`) AND its ratio of medians is beyond the threshold in
/// either direction. Comparisons within their threshold pass whatever their p-value, so no
/// hypothesis is tested for them; including them would shrink every adjusted alpha with
/// the size of the suite (a 10,000-benchmark suite with 10 samples per side could then
/// never show a significant change: the smallest two-sided U-test p-value for 10 vs 10 is
/// about 1.1e-5). The threshold is a practical-significance filter chosen before the data;
/// the simulation tests measure the resulting false-alarm rate.
///
/// Each member gets a two-sided Mann-Whitney U p-value; Holm adjusts them together; an
/// adjusted p below alpha decides the member (regression or improvement). Members that
/// stay undecided are inconclusive (worse) or pass (better), with the samples per side at
/// level alpha / family size that would likely decide them.
package struct NoisyFamily {
    /// Which comparisons the family holds.
    package enum Scope: Sendable {
        /// Only the gated comparisons beyond their threshold (`check`, `compare`, `run`):
        /// the threshold is a practical-significance filter chosen before the data, and a
        /// large suite keeps its power. Each benchmark-metric that goes beyond its
        /// threshold by chance adds up to alpha to the chance of a false alarm.
        case beyondThreshold
        /// Every gated noisy comparison, those within their threshold counted with p = 1
        /// (`refs`): the family-wise error is at most alpha for the whole suite, whatever
        /// the noise; the power lost at the first look is won back by the next ones.
        case allGated
    }

    /// What the family needs to test one comparison.
    package struct Candidate {
        package var baseline: [Double]
        package var current: [Double]
        /// True when the change is in the worse direction.
        package var worse: Bool
    }

    private var members: [(candidate: Candidate, entry: Int, row: Int)] = []

    /// The number of members.
    package var count: Int { members.count }

    /// Adds a member at `entries[entry].metrics[row]`.
    package mutating func add(_ candidate: Candidate, entry: Int, row: Int) {
        members.append((candidate, entry, row))
    }

    /// Tests every member, Holm-adjusts, and writes verdicts and notes into `entries`.
    ///
    /// - Parameter untested: gated comparisons outside the family's members (within their
    ///   threshold) that count as tests with p = 1 (`Scope.allGated`); 0 otherwise.
    package func resolve(into entries: inout [BenchmarkComparison], alpha: Double, power: Double, untested: Int = 0) {
        guard !members.isEmpty else { return }
        let raw = members.map { member in
            MannWhitneyU.test(member.candidate.baseline, member.candidate.current)?.pValue ?? 1
        }
        let adjusted = HolmBonferroni.adjust(raw + Array(repeating: 1, count: untested))
        let levelPerTest = alpha / Double(members.count + untested)
        for (index, member) in members.enumerated() {
            var row = entries[member.entry].metrics[member.row]
            row.pValue = adjusted[index]
            let significant = adjusted[index] < alpha
            let candidate = member.candidate
            if significant {
                row.verdict = candidate.worse ? .regression : .improvement
                if !candidate.worse { row.note = Comparison.tightenNote }
            } else {
                row.tooFewSamples = MannWhitneyU.smallestPValue(n1: candidate.baseline.count, n2: candidate.current.count) >= levelPerTest
                let needed = Self.samplesNeeded(candidate, level: levelPerTest, power: power)
                row.samplesNeeded = needed
                let need = needed.map { "; needs ~\($0) samples per side" } ?? ""
                let p = MetricFormat.pValue(adjusted[index])
                if candidate.worse {
                    row.verdict = .inconclusive
                    row.note = "beyond threshold but not significant (p=\(p), alpha=\(MetricFormat.pValue(alpha)))\(need)"
                } else {
                    row.verdict = .pass
                    row.note = "maybe improved, not significant (p=\(p))\(need)"
                }
            }
            entries[member.entry].metrics[member.row] = row
        }
    }

    /// Samples per side likely to make the comparison significant at `level`, at least the
    /// minimum for which significance is possible at all.
    package static func samplesNeeded(_ candidate: Candidate, level: Double, power: Double) -> Int? {
        let minimum = SampleSizeEstimate.minimumForSignificance(alpha: level)
        let estimate = SampleSizeEstimate.samplesPerSide(
            baseline: candidate.baseline, current: candidate.current, alpha: level, power: power)
        return max(minimum, estimate ?? minimum)
    }
}
