import BenchResults

/// How `memgate bisect` decides a commit for a noisy metric (time, latency, CPU): interleaved
/// rounds of the commit against both ends, as two comparisons judged together.
///
///     // below: GOOD (base) and the commit (head); above: the commit (base) and BAD (head)
///     let pooled = NoisyStep.combine(below: below.pooled, above: above.pooled, target: target)
///     let report = try settled.run(...)          // SettledRuns over those two files
///     NoisyStep.decide(report, target: target)   // .bad, .good or .undecided
///
/// The two comparisons are those of `memgate refs`, each over its own interleaved rounds (one
/// value per process): **below**, the commit against GOOD, and **above**, BAD against the
/// commit. `combine` puts them in one pair of files, as two benchmarks (`belowName`,
/// `aboveName`) holding only the target metric, so `SettledRuns` settles them together: one
/// Holm family of two rows, the levels of `SequentialLooks`, more rounds while a row is
/// inconclusive.
///
/// The rule (`decide`): the commit is **bad** when below regressed (it is worse than GOOD by
/// more than the threshold, significantly), **good** when above regressed and below did not
/// (BAD is worse than it by more than the threshold, significantly), and **undecided**
/// otherwise; never guessed from a point estimate. A benchmark that failed in a round makes the
/// commit untestable.
///
/// Error control: under the one-change assumption (every commit measures like GOOD or like
/// BAD), calling a good commit bad needs below to regress falsely, and calling a bad one good
/// needs above to; each is a false regression of a family tested at `level`, so a step errs
/// with probability at most `level` (`BisectLevels` gives each test alpha / (steps + 1)). A
/// commit whose change lies between the ends, within the threshold of both, stays undecided.
///
/// Pure: no process work.
package enum NoisyStep {
    /// The name of the comparison of the commit (current) against GOOD (baseline).
    package static func belowName(_ benchmark: String) -> String { "\(benchmark) [commit vs GOOD]" }
    /// The name of the comparison of BAD (current) against the commit (baseline).
    package static func aboveName(_ benchmark: String) -> String { "\(benchmark) [BAD vs commit]" }

    /// The two comparisons as one pair of files: each side's file holds the target benchmark
    /// of `below` renamed `belowName` and that of `above` renamed `aboveName`, each with only
    /// the target metric (status, message and iterations kept; sites dropped); the
    /// environment is `below`'s. A benchmark a pool lacks is left out (the comparison then
    /// reports it missing, and `decide` says untestable).
    package static func combine(
        below: [RefsSide: ResultsFile], above: [RefsSide: ResultsFile], target: BisectTarget
    ) -> [RefsSide: ResultsFile] {
        var files: [RefsSide: ResultsFile] = [:]
        for side in RefsSide.allCases {
            let parts = [(below[side], belowName(target.benchmark)), (above[side], aboveName(target.benchmark))]
            let benchmarks = parts.compactMap { file, name in
                file?[target.benchmark].map { result in
                    var renamed = result
                    renamed.name = name
                    renamed.metrics = result.metrics.filter { $0.key == target.metric }
                    renamed.allocationSites = nil
                    renamed.retainSites = nil
                    return renamed
                }
            }
            files[side] = ResultsFile(environment: below[side]?.environment ?? Environment(), benchmarks: benchmarks)
        }
        return files
    }

    /// The step's verdict from `report`, the comparison of `combine`'s files (see the type's rule).
    package static func decide(_ report: Report, target: BisectTarget) -> BisectVerdict {
        let rows = [belowName(target.benchmark), aboveName(target.benchmark)].map {
            BisectVerdict.measured(report, benchmark: $0, metric: target.metric)
        }
        guard case .success(let below) = rows[0], case .success(let above) = rows[1] else {
            let why = rows.compactMap { row -> String? in if case .failure(let failure) = row { return failure.description }; return nil }
            return .untestable(why[0])
        }
        if below.verdict == .regression { return .bad }
        if above.verdict == .regression { return .good }
        let needed = [below, above].filter { $0.verdict == .inconclusive }.compactMap(\.samplesNeeded).max()
        let why = "neither comparison is significant past the threshold (\(target.metric) \(target.ends.threshold.text)): "
            + "commit vs GOOD \(summary(below)); BAD vs commit \(summary(above))"
        return .undecided(why, roundsNeeded: needed)
    }

    /// `report` with a step that neither comparison decided left open: when neither row
    /// regressed, the rows that passed (estimated within the threshold) are marked
    /// inconclusive, so `SettledRuns` runs more rounds of both comparisons (up to
    /// `--max-rounds`) instead of stopping at a point estimate that noise put just inside the
    /// threshold. Under the one-change assumption more rounds move the estimates to 0 and the
    /// ends' change, which decides the step. The levels of the looks do not change.
    package static func reopen(_ report: Report, target: BisectTarget) -> Report {
        let names = [belowName(target.benchmark), aboveName(target.benchmark)]
        let rows = report.benchmarks.filter { names.contains($0.name) }.flatMap(\.metrics).filter { $0.metric == target.metric }
        guard rows.count == 2, !rows.contains(where: { $0.verdict == .regression }) else { return report }
        var reopened = report
        for index in reopened.benchmarks.indices where names.contains(reopened.benchmarks[index].name) {
            reopened.benchmarks[index].metrics = reopened.benchmarks[index].metrics.map { row in
                guard row.metric == target.metric && row.verdict == .pass else { return row }
                var open = row
                open.verdict = .inconclusive
                open.note = "within the threshold, but the step is undecided: more rounds"
                return open
            }
        }
        return reopened
    }

    /// The commit's median of the target metric over its rounds against GOOD, when measured.
    package static func commitValue(_ report: Report, target: BisectTarget) -> Double? {
        guard case .success(let row) = BisectVerdict.measured(report, benchmark: belowName(target.benchmark), metric: target.metric)
        else { return nil }
        return row.current
    }

    /// `+12.3% ±8.0% (inconclusive)`.
    private static func summary(_ row: MetricComparison) -> String {
        let plusMinus = MetricFormat.plusMinus(row)
        return MetricFormat.change(row) + (plusMinus.isEmpty ? "" : " " + plusMinus) + " (\(row.verdict.label))"
    }
}
