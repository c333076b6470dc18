import BenchResults
import CLISupport
import GateCore

extension BisectRun {
    /// Verifies the ends and chooses the target: exact metrics first, from the ends' one run
    /// each; when none regressed (or `--metric` names a noisy one), noisy metrics from
    /// interleaved rounds of the ends, the first of the bisection's tests (`BisectLevels`).
    ///
    /// - Returns: the target, with the ends recorded as the first two steps; nil when the ends
    ///   do not reproduce a regression (`result` then says not reproduced, or unsure when a
    ///   noisy row stayed inconclusive).
    func chooseTarget(_ ends: (good: BuiltSide, bad: BuiltSide)) throws -> BisectTarget? {
        let wantsExact = try metricIsExact()
        var choice = BisectTarget.Choice()
        var rounds: Int?
        if wantsExact != false {
            let report = try compare(BisectTarget.exactOnly(profileAt[0]!), BisectTarget.exactOnly(profileAt[badPosition]!),
                                     names: ("GOOD", "BAD"))
            choice = try BisectTarget.choose(from: report, exact: true, metric: settings.metric)
        }
        if choice.target == nil && wantsExact != true {
            let levels = BisectLevels(alpha: settings.options.alpha, commits: badPosition)
            var runs = InterleavedRuns(base: ends.good, head: ends.bad, forwardedArguments: settings.forwarded,
                                       workspace: session.workspace, launcher: launcher, labels: [.base: "good", .head: "bad"])
            let report = try settledRuns(level: levels.level, names: ("GOOD", "BAD")).run(&runs, options: settings.options,
                                                                                           status: session.status)
            choice = try BisectTarget.choose(from: report, exact: false, metric: settings.metric)
            result.levels = levels
            rounds = runs.roundsRun
        }
        result.alsoRegressed = choice.alsoRegressed
        guard let target = choice.target else {
            result.outcome = choice.inconclusive.isEmpty ? .notReproduced : .unsure
            result.reason = notReproduced(choice, rounds: rounds)
            return nil
        }
        result.target = target
        result.steps = [
            BisectResult.Step(position: 0, verdict: .good, value: target.ends.baseline, rounds: rounds),
            BisectResult.Step(position: badPosition, verdict: .bad, value: target.ends.current, rounds: rounds),
        ]
        return target
    }

    /// Whether `--metric` is exact (true), noisy (false), or not given (nil): as the ends'
    /// runs record it, else as the built-in table says.
    ///
    /// - Throws: `CommandError` when neither end records it and it is not built in.
    private func metricIsExact() throws -> Bool? {
        guard let metric = settings.metric else { return nil }
        let recorded = [profileAt[0]!, profileAt[badPosition]!].flatMap(\.benchmarks).compactMap { $0.metrics[metric]?.exact }
        if let exact = recorded.first { return exact }
        if let id = MetricID(rawValue: metric) { return id.properties.exact }
        throw CommandError("--metric: no selected benchmark records '\(metric)' at GOOD or BAD (built-in metrics: "
            + MetricID.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }

    /// Why the ends reproduce nothing, or are unsure.
    private func notReproduced(_ choice: BisectTarget.Choice, rounds: Int?) -> String {
        let kinds = rounds.map { " (exact metrics from one run each, noisy ones from \($0) interleaved rounds)" } ?? ""
        guard choice.inconclusive.isEmpty else {
            return "inconclusive\(kinds): " + choice.inconclusive.joined(separator: "; ")
                + "; more rounds would settle it (--max-rounds, now \(settings.maxRounds))"
        }
        let subject = settings.metric.map { "\($0) of no selected benchmark" } ?? "no metric of the selected benchmarks"
        return "\(subject) regressed past its threshold from GOOD to BAD\(kinds)"
    }
}
