/// What one tested commit turned out to be for the target metric, and the exact-metric rule
/// that decides it from one run.
///
///     let verdict = BisectVerdict.exact(from: goodVersusCommit, target: target)   // .bad
///
/// `good` and `bad` move the search (`BisectSearch.Mark`); `untestable` is skipped around, as
/// `git bisect skip` does, and never counted good; `undecided` (noisy metrics only) ends the
/// bisection as unsure, naming the range left.
package enum BisectVerdict: Sendable, Equatable {
    /// The metric has not moved past its threshold at this commit.
    case good
    /// The metric has moved past its threshold at this commit.
    case bad
    /// The commit could not be measured: why (its build failed, the benchmark crashed or is
    /// missing, the metric was not recorded).
    case untestable(String)
    /// Measured, but the evidence decides neither way: why, and the rounds per side that
    /// would likely settle it, when known.
    case undecided(String, roundsNeeded: Int?)

    /// The word the reports print: `good`, `bad`, `skipped`, `undecided`.
    package var word: String {
        switch self {
        case .good: "good"
        case .bad: "bad"
        case .untestable: "skipped"
        case .undecided: "undecided"
        }
    }

    /// The reason of an untestable or undecided commit; empty otherwise.
    package var reason: String {
        switch self {
        case .good, .bad: ""
        case .untestable(let why), .undecided(let why, _): why
        }
    }

    /// The mark the search records, or nil for `undecided` (the search stops there).
    package var mark: BisectSearch.Mark? {
        switch self {
        case .good: .good
        case .bad: .bad
        case .untestable: .skipped
        case .undecided: nil
        }
    }

    /// The exact-metric rule: `report` compares GOOD's run (baseline) with the commit's run
    /// (current). A regression of the target's row is `bad`; a pass or an improvement is
    /// `good` (exact counts are the same run to run, so one run decides; an unstable count is
    /// judged by `Comparison.compareExact`'s ranges and floor, as `check` judges it); a
    /// benchmark that failed or is missing, or a row that is missing or not gated, is
    /// `untestable`.
    package static func exact(from report: Report, target: BisectTarget) -> BisectVerdict {
        switch measured(report, benchmark: target.benchmark, metric: target.metric) {
        case .failure(let why): return .untestable(why.description)
        case .success(let row):
            switch row.verdict {
            case .regression: return .bad
            case .pass, .improvement: return .good
            default: return .untestable("\(target.metric): \(row.verdict.label)\(row.note.isEmpty ? "" : " (\(row.note))")")
            }
        }
    }

    /// The row of `metric` of `benchmark` in `report`, or why there is none to judge: the
    /// benchmark failed, is missing, or lacks the metric.
    package static func measured(_ report: Report, benchmark: String, metric: String) -> Result<MetricComparison, Failure> {
        guard let entry = report.benchmarks.first(where: { $0.name == benchmark }) else {
            return .failure(Failure("the benchmark did not run"))
        }
        switch entry.presence {
        case .compared: break
        case .failed, .baselineFailed: return .failure(Failure("the benchmark \(Report.statusLine(entry))"))
        case .removed, .added: return .failure(Failure("the benchmark is missing"))
        }
        guard let row = entry.metrics.first(where: { $0.metric == metric }), row.baseline != nil, row.current != nil else {
            return .failure(Failure("\(metric) was not recorded"))
        }
        return .success(row)
    }

    /// Why a commit has no row to judge.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package var description: String
        init(_ description: String) { self.description = description }
    }
}
