import BenchResults
import CLISupport
import GateCore

extension BisectRun {
    /// Tests commits as `BisectSearch.drive` asks until the search is over, an undecided step
    /// stops it, or (noisy metrics) the tests `BisectLevels` allows are made; then records the
    /// outcome and, when found, the change at the first bad commit.
    func search(_ target: BisectTarget, ends: (good: BuiltSide, bad: BuiltSide)) throws {
        let run = try BisectSearch.drive(count: badPosition, levels: result.levels) { position in
            let step = try test(position, number: result.steps.count - 1, target: target, ends: ends)
            result.steps.append(step)
            result.builds = builds.count
            return step
        }
        let search = run.search
        result.lastGood = search.lastGood
        result.firstBad = search.firstBad
        switch run.stop {
        case .undecided(let position): result.reason = undecidedReason(result.steps.last { $0.position == position }!)
        case .budgetSpent:
            let levels = result.levels!
            result.reason = "the error budget is spent: \(levels.steps) step\(levels.steps == 1 ? "" : "s") tested, the most a "
                + "bisection of \(badPosition) commits may make at level \(MetricFormat.pValue(levels.level)) (skipped commits "
                + "made it longer); bisect the range again"
        case .over: break
        }
        guard run.stop == .over, search.isFound else {
            result.outcome = .unsure
            if result.reason.isEmpty {
                let skipped = search.skippedInRange.map { "\(range.line[$0].short) (\(stepReason(at: $0)))" }
                result.reason = "commits in the range could not be tested: " + skipped.joined(separator: ", ")
            }
            return
        }
        result.outcome = .found
        result.change = try change(target)
    }

    /// Builds and measures the commit at `position`, the `number`th step.
    func test(_ position: Int, number: Int, target: BisectTarget, ends: (good: BuiltSide, bad: BuiltSide)) throws -> BisectResult.Step {
        let commit = range.line[position]
        let status = { (text: String) in self.session.status("step \(number) · \(commit.short) · \(text)") }
        let side: BuiltSide
        do { side = try builds.buildStep(commit, reusingGoodsBuild: target.exact, status: status) } catch let failure as BuiltSide.Failure {
            return BisectResult.Step(position: position, verdict: .untestable("not built: \(failure.description.lastLines(3))"))
        }
        session.workspace.refreshWorktreeIndexes()
        guard side.names.contains(target.benchmark) else {
            return BisectResult.Step(position: position, verdict: .untestable("the benchmark is missing"))
        }
        let profile: ResultsFile
        do {
            profile = try profiles.run(side, names: [target.benchmark], sites: true, status: status)
        } catch let failure as InterleavedRuns.Failure {
            return BisectResult.Step(position: position, verdict: .untestable(failure.description.lastLines(3)))
        }
        profileAt[position] = profile
        if target.exact {
            let report = try compare(BisectTarget.exactOnly(profileAt[0]!), BisectTarget.exactOnly(profile), names: ("GOOD", commit.short))
            return BisectResult.Step(position: position, verdict: BisectVerdict.exact(from: report, target: target),
                                     value: profile[target.benchmark]?.metrics[target.metric]?.median)
        }
        // The run with the passes also says whether the benchmark fails here, before any round.
        guard let run = profile[target.benchmark], run.status == .ok else {
            let why = profile[target.benchmark].map { "the benchmark \($0.status.rawValue)\($0.message.map { ": " + $0 } ?? "")" }
            return BisectResult.Step(position: position, verdict: .untestable(why ?? "the benchmark did not run"))
        }
        return try noisyStep(position, side: side, target: target, ends: ends, status: status)
    }

    /// The rounds of a noisy step against both ends, settled, and their verdict.
    private func noisyStep(
        _ position: Int, side: BuiltSide, target: BisectTarget, ends: (good: BuiltSide, bad: BuiltSide), status: @escaping (String) -> Void
    ) throws -> BisectResult.Step {
        let short = range.line[position].short
        let pair = { (base: BuiltSide, head: BuiltSide, labels: [RefsSide: String]) in
            InterleavedRuns(base: base, head: head, forwardedArguments: self.settings.forwarded, workspace: self.session.workspace,
                            launcher: self.launcher, labels: labels)
        }
        var rounds = StepRounds(below: pair(ends.good, side, [.base: "good", .head: short]),
                                above: pair(side, ends.bad, [.base: short, .head: "bad"]), target: target)
        let report: Report
        do {
            let settled = settledRuns(level: result.levels!.level, names: ("GOOD", short), step: target)
            report = try settled.run(&rounds, options: settings.options, status: status)
        } catch let failure as InterleavedRuns.Failure {
            return BisectResult.Step(position: position, verdict: .untestable(failure.description.lastLines(3)), rounds: rounds.roundsRun)
        }
        return BisectResult.Step(position: position, verdict: NoisyStep.decide(report, target: target),
                                 value: NoisyStep.commitValue(report, target: target), rounds: rounds.roundsRun)
    }

    /// The change at the first bad commit: its parent's run against its own, the target
    /// benchmark's exact metrics and sites.
    private func change(_ target: BisectTarget) throws -> BisectResult.Change? {
        guard let before = profileAt[result.lastGood], let after = profileAt[result.firstBad] else { return nil }
        let benchmark: Set<String> = [target.benchmark]
        let baseline = BisectTarget.exactOnly(before, benchmarks: benchmark), current = BisectTarget.exactOnly(after, benchmarks: benchmark)
        let (parent, commit) = (range.line[result.lastGood].short, range.line[result.firstBad].short)
        let report = try compare(baseline, current, names: ("\(parent) (parent)", commit))
        return BisectResult.Change(report: report, before: baseline, after: current)
    }

    /// Why an undecided step stopped the bisection, and the `--max-rounds` that would likely settle it.
    private func undecidedReason(_ step: BisectResult.Step) -> String {
        var needed = 2 * settings.maxRounds
        if case .undecided(_, let rounds?) = step.verdict { needed = max(rounds, settings.maxRounds + 1) }
        return "\(range.line[step.position].short) is undecided after \(step.rounds ?? 0) rounds; more rounds would likely settle "
            + "it: --max-rounds \(needed)"
    }

    /// Why the commit at `position` was skipped, as its step says.
    private func stepReason(at position: Int) -> String {
        result.steps.first { $0.position == position }?.verdict.reason ?? "not tested"
    }
}
