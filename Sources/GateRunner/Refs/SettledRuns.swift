import BenchResults
import CLISupport
import Foundation
import GateCore

/// Where `SettledRuns` gets its rounds: `InterleavedRuns` (processes of the two builds), or
/// a simulation in the tests.
package protocol RoundSource {
    /// The rounds run so far.
    var roundsRun: Int { get }
    /// Each side's pooled results so far, one value per metric per round.
    var pooled: [RefsSide: ResultsFile] { get }
    /// The likely wall seconds of one more round of `names` (both sides).
    func secondsPerRound(of names: [String]) -> Double
    /// Runs `rounds` more rounds of every benchmark, or only of those in `only`.
    mutating func run(rounds: Int, only: Set<String>?, status: (String) -> Void) throws
}

/// The rounds of `memgate refs` and their comparison, looked at again while anything is
/// inconclusive (the rule and its error control are in `SequentialLooks`).
///
///     let settled = SettledRuns(looks: SequentialLooks(alpha: 0.01, settling: true), rounds: 10, maxSeconds: 600)
///     let report = try settled.run(&runs, options: options, status: status)
package struct SettledRuns {
    /// The levels of the looks.
    package var looks: SequentialLooks
    /// Rounds of the first look (every benchmark), and the fewest of each later one.
    package var rounds: Int
    /// Wall seconds all rounds may take; the first look always runs whole.
    package var maxSeconds: Double
    /// How the report names the sides.
    package var baselineName: String, currentName: String
    /// The most rounds (`RoundSource.roundsRun`) all looks together may run, besides
    /// `maxSeconds` (`memgate bisect --max-rounds`); nil for no such limit. The first look
    /// always runs whole.
    package var maxRounds: Int?
    /// Applied to the report after every look, before the open benchmarks are picked: rows it
    /// marks inconclusive are looked at again like any other (`memgate bisect` reopens a step
    /// that neither comparison decided, `NoisyStep.reopen`). The looks' levels, and so the
    /// error control, do not depend on which rows are open. Nil: the report as compared.
    package var reopen: (@Sendable (Report) -> Report)?

    /// Creates a value from its properties (see each property).
    package init(looks: SequentialLooks, rounds: Int, maxSeconds: Double, baselineName: String, currentName: String) {
        self.looks = looks
        self.rounds = rounds
        self.maxSeconds = maxSeconds
        self.baselineName = baselineName
        self.currentName = currentName
    }

    /// Runs the first rounds, compares, and runs more rounds of the benchmarks still open
    /// until none is, `SequentialLooks.maxExtraLooks` looks were made, or the next look
    /// would not fit in `maxSeconds`.
    ///
    /// - Returns: the report, each benchmark as its deciding look compared it, with
    ///   `settling` saying what was looked at again.
    package func run(
        _ runs: inout some RoundSource, options: ComparisonOptions,
        clock: () -> Double = { Date().timeIntervalSinceReferenceDate }, status: (String) -> Void
    ) throws -> Report {
        let start = clock()
        try runs.run(rounds: rounds, only: nil, status: status)
        var report = reopened(try compare(runs, only: nil, options: options, look: 0))
        var extraRounds: [Int] = []
        var open = SequentialLooks.open(in: report)
        let firstOpen = open
        var outOfTime: String?
        while looks.settling, !open.isEmpty, extraRounds.count < SequentialLooks.maxExtraLooks {
            let perRound = max(runs.secondsPerRound(of: open), 1e-3)
            let inTime = Int(min(1e9, max(-1, ((maxSeconds - (clock() - start)) / perRound).rounded(.down))))
            let inLimit = maxRounds.map { $0 - runs.roundsRun } ?? Int.max
            let next = SequentialLooks.nextRounds(report: report, roundsSoFar: runs.roundsRun, minimum: rounds,
                                                  affordable: min(inTime, inLimit))
            guard next > 0 else {
                outOfTime = inLimit < inTime ? "the round limit (--max-rounds) allows no further look"
                    : "the time budget (--max-time) allows no further look"
                break
            }
            status("settling \(open.count) inconclusive benchmark\(open.count == 1 ? "" : "s"): \(next) more rounds")
            try runs.run(rounds: next, only: Set(open), status: status)
            extraRounds.append(next)
            report = reopened(SequentialLooks.merge(report, with: try compare(runs, only: Set(open), options: options,
                                                                              look: extraRounds.count)))
            open = SequentialLooks.open(in: report)
        }
        report.alpha = options.alpha
        report.settling = settlingNote(extraRounds: extraRounds, firstOpen: firstOpen, open: open, outOfTime: outOfTime)
        return report
    }

    /// `report` as `reopen` leaves it.
    private func reopened(_ report: Report) -> Report { reopen?(report) ?? report }

    /// The pooled results so far, of every benchmark or of `only`, compared at the level of
    /// look `look`.
    private func compare(_ runs: some RoundSource, only: Set<String>?, options: ComparisonOptions, look: Int) throws -> Report {
        var baseline = runs.pooled[.base]!, current = runs.pooled[.head]!
        if let only {
            baseline.benchmarks.removeAll { !only.contains($0.name) }
            current.benchmarks.removeAll { !only.contains($0.name) }
        }
        var levelled = options
        levelled.alpha = looks.level(look: look)
        levelled.family = .allGated
        do {
            return try Comparison.compare(baseline: baseline, current: current, baselineName: baselineName, currentName: currentName,
                options: levelled)
        } catch {
            throw CommandError("\(error)")
        }
    }

    /// What the report says about the looks, or nil when there was only the first.
    private func settlingNote(extraRounds: [Int], firstOpen: [String], open: [String], outOfTime: String?) -> String? {
        guard looks.settling else { return nil }
        let levels = "levels \(MetricFormat.pValue(looks.level(look: 0))) first, \(MetricFormat.pValue(looks.level(look: 1))) after: at "
            + "most \(MetricFormat.pValue(looks.alpha)) family-wise"
        if extraRounds.isEmpty && open.isEmpty { return nil }
        let ran = extraRounds.map(String.init).joined(separator: " + ")
        let names = firstOpen.prefix(3).joined(separator: ", ") + (firstOpen.count > 3 ? " and \(firstOpen.count - 3) more" : "")
        let looked = extraRounds.isEmpty ? "" : "looked again \(extraRounds.count) time\(extraRounds.count == 1 ? "" : "s") (\(ran) more "
            + "rounds of \(names); \(levels))"
        guard !open.isEmpty else { return "settled: " + looked }
        let why = outOfTime ?? "\(SequentialLooks.maxExtraLooks) further looks made"
        let still = "\(open.count) benchmark\(open.count == 1 ? "" : "s") still inconclusive: \(why)"
        return looked.isEmpty ? "not settled: \(still) (\(levels))" : "not settled: \(looked); \(still)"
    }
}
