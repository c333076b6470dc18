import BenchResults

/// The one benchmark metric `memgate bisect` searches for, chosen from the comparison of its
/// two ends (GOOD as the baseline, BAD as the current results).
///
///     let chosen = try BisectTarget.choose(from: endsReport, exact: true, metric: nil)
///     chosen.target    // blocks allocs: 2 allocs/op -> 3 allocs/op
///
/// The rule:
/// - Only rows of the kind asked for count (`exact`: exact metrics, compared from one run per
///   end; otherwise noisy ones, compared from interleaved rounds), and of `metric` when given.
/// - A selected benchmark that failed (crashed, timed out) at either end is an error: a
///   bisection of a crash, or around one, would guess.
/// - The candidates are the rows that regressed. When they belong to more than one benchmark,
///   the choice is the user's (`Problem.several`, listing them: `--filter` picks one).
/// - Within one benchmark, the first regressed row in the report's metric order (built-in
///   metrics in table order: `allocs` before `bytes`, ...; custom ones after, by name), except
///   that `time` goes first among noisy rows; the other regressed metrics are named
///   (`alsoRegressed`), and `--metric` picks another.
///
/// Pure: no process work.
package struct BisectTarget: Sendable, Equatable {
    /// Why no target can be chosen.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        /// Selected benchmarks that failed at an end: "NAME at GOOD: crashed: ..." each.
        case failedAtAnEnd([String])
        /// Regressions in more than one benchmark: one line per candidate row.
        case several([String])

        package var description: String {
            switch self {
            case .failedAtAnEnd(let lines):
                return "a selected benchmark failed at an end, so the bisection would guess:\n"
                    + lines.map { "  \($0)\n" }.joined() + "leave it out with --filter/--skip, or bisect its failure with git bisect"
            case .several(let lines):
                return "more than one benchmark regressed from GOOD to BAD; choose one with --filter (and --metric):\n"
                    + lines.map { "  \($0)" }.joined(separator: "\n")
            }
        }
    }

    /// What `choose` found.
    package struct Choice: Sendable, Equatable {
        /// The target, or nil when nothing of the kind asked for regressed.
        package var target: BisectTarget?
        /// The other regressed metrics of the target's benchmark (`bytes +32 B/op`).
        package var alsoRegressed: [String] = []
        /// Rows of the kind asked for left inconclusive at the ends (`spin time +31% ±40%`).
        package var inconclusive: [String] = []

        /// A choice of nothing yet.
        package init() {}
    }

    /// The benchmark's name.
    package var benchmark: String
    /// The metric's name (`allocs`, `time`, or a custom name).
    package var metric: String
    /// Whether the metric is exact (each step decided from one run) or noisy (rounds).
    package var exact: Bool
    /// Its row at the ends: GOOD's value as `baseline`, BAD's as `current`, the threshold.
    package var ends: MetricComparison

    /// Creates a target (see the properties).
    package init(benchmark: String, metric: String, exact: Bool, ends: MetricComparison) {
        self.benchmark = benchmark
        self.metric = metric
        self.exact = exact
        self.ends = ends
    }

    /// The target of `report` (GOOD vs BAD) among its `exact` (or noisy) rows, of `metric` only
    /// when given (see the type's rule).
    ///
    /// - Throws: `Problem` for a failed benchmark or regressions in several benchmarks.
    package static func choose(from report: Report, exact: Bool, metric: String?) throws(Problem) -> Choice {
        let failed = report.benchmarks.filter { [.failed, .baselineFailed].contains($0.presence) }.map { benchmark in
            "\(benchmark.name) at \(benchmark.presence == .failed ? "BAD" : "GOOD"): \(Report.statusLine(benchmark))"
        }
        if !failed.isEmpty { throw .failedAtAnEnd(failed) }
        let wanted = { (row: MetricComparison) in row.exact == exact && (metric == nil || row.metric == metric) }
        let compared = report.benchmarks.filter { $0.presence == .compared }
        let regressed = compared.compactMap { benchmark -> (String, [MetricComparison])? in
            let rows = benchmark.metrics.filter { wanted($0) && $0.verdict == .regression }
            return rows.isEmpty ? nil : (benchmark.name, rows)
        }
        var choice = Choice()
        choice.inconclusive = compared.flatMap { benchmark in
            benchmark.metrics.filter { wanted($0) && $0.verdict == .inconclusive }.map { describe(benchmark.name, $0) }
        }
        guard let (name, rows) = regressed.first else { return choice }
        if regressed.count > 1 { throw .several(regressed.flatMap { name, rows in rows.map { describe(name, $0) } }) }
        let first = rows.first { !exact && $0.metric == MetricID.time.rawValue } ?? rows[0]
        choice.target = BisectTarget(benchmark: name, metric: first.metric, exact: exact, ends: first)
        choice.alsoRegressed = rows.filter { $0.metric != first.metric }.map { describe(nil, $0) }
        return choice
    }

    /// `file` with only the benchmarks named in `benchmarks` (all when nil) and, of each, only
    /// its exact metrics (sites kept): what one run per commit can compare.
    package static func exactOnly(_ file: ResultsFile, benchmarks: Set<String>? = nil) -> ResultsFile {
        var kept = file
        kept.benchmarks = file.benchmarks.filter { benchmarks?.contains($0.name) ?? true }.map { result in
            var exact = result
            exact.metrics = result.metrics.filter(\.value.exact)
            return exact
        }
        return kept
    }

    /// One row in words: `blocks allocs 2 allocs/op -> 3 allocs/op (+50%)`, and `±` for noisy rows.
    package static func describe(_ benchmark: String?, _ row: MetricComparison) -> String {
        let plusMinus = MetricFormat.plusMinus(row)
        return (benchmark.map { $0 + " " } ?? "") + "\(row.metric) \(MetricFormat.value(row.baseline, row.unit)) -> "
            + "\(MetricFormat.value(row.current, row.unit)) (\(MetricFormat.change(row))\(plusMinus.isEmpty ? "" : " " + plusMinus))"
    }
}
