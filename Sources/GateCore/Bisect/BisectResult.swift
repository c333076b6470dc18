import BenchResults
import CLISupport

/// Everything one `memgate bisect` found: the model its text, JSON and HTML are drawn from.
///
///     let result = BisectResult(good: "v1.0", bad: "main", line: commits, outcome: .found, builds: 6)
///     result.firstBadCommit?.subject   // "Cache the encoder"
///     result.exitCode                  // .pass
///
/// Positions are those of `BisectSearch`: 0 is GOOD, `line.count - 1` is BAD, and the
/// commits between them follow the first-parent line from GOOD to BAD.
package struct BisectResult: Sendable {
    /// How the bisection ended.
    package enum Outcome: String, Sendable {
        /// The first bad commit is named (`firstBad`, with `lastGood` its parent).
        case found
        /// The target metric does not regress past its threshold from GOOD to BAD.
        case notReproduced = "not reproduced"
        /// Neither: the range `lastGood` < first bad <= `firstBad` is as far as it got, and why
        /// (no target: the ends' test itself stayed inconclusive).
        case unsure
    }

    /// One commit tested, an end or a step.
    package struct Step: Sendable {
        /// Its position on the line.
        package var position: Int
        /// What it turned out to be.
        package var verdict: BisectVerdict
        /// The target metric's value there (an exact metric's median in its run, a noisy one's
        /// median over its rounds), when measured.
        package var value: Double?
        /// Rounds per side its decision took (noisy metrics), when any ran.
        package var rounds: Int?

        /// A step (see the properties).
        package init(position: Int, verdict: BisectVerdict, value: Double? = nil, rounds: Int? = nil) {
            self.position = position
            self.verdict = verdict
            self.value = value
            self.rounds = rounds
        }
    }

    /// The change at the first bad commit, as `memgate check` reports it: its parent's run
    /// (baseline) against its own (current), the exact metrics of the target's benchmark and
    /// both sides' allocation and retain sites.
    package struct Change: Sendable {
        /// The comparison, one benchmark.
        package var report: Report
        /// The two runs compared.
        package var before: ResultsFile, after: ResultsFile

        /// A change (see the properties).
        package init(report: Report, before: ResultsFile, after: ResultsFile) {
            self.report = report
            self.before = before
            self.after = after
        }
    }

    /// GOOD and BAD as the user gave them.
    package var good: String, bad: String
    /// GOOD, then every commit after it on BAD's first-parent line, BAD last.
    package var line: [BisectCommit]
    /// The metric bisected, once chosen.
    package var target: BisectTarget?
    /// The target benchmark's other metrics that regressed at the ends, in words.
    package var alsoRegressed: [String] = []
    /// How it ended.
    package var outcome: Outcome
    /// Why it is not reproduced or unsure (empty when found).
    package var reason = ""
    /// The commits tested, in test order: the ends first.
    package var steps: [Step] = []
    /// Commits built (each end and each step once; a commit with several benchmark
    /// executables is one build).
    package var builds: Int
    /// The last position known good and the first known bad.
    package var lastGood = 0, firstBad = 0
    /// The error control of a noisy bisection; nil for an exact one.
    package var levels: BisectLevels?
    /// The change at the first bad commit (found only).
    package var change: Change?

    /// A result (see the properties); the range starts as the whole line.
    package init(good: String, bad: String, line: [BisectCommit], outcome: Outcome, builds: Int) {
        self.good = good
        self.bad = bad
        self.line = line
        self.outcome = outcome
        self.builds = builds
        firstBad = line.count - 1
    }

    /// The number of commits after GOOD up to BAD.
    package var commitCount: Int { line.count - 1 }

    /// The first bad commit, when found.
    package var firstBadCommit: BisectCommit? { outcome == .found ? line[firstBad] : nil }

    /// The exit status: 0 found, 4 not reproduced at the ends, 3 unsure.
    package var exitCode: ExitCode {
        switch outcome {
        case .found: .pass
        case .notReproduced: .notReproduced
        case .unsure: .inconclusive
        }
    }

    /// The target's value at `position`, when a step measured it.
    package func value(at position: Int) -> Double? {
        steps.first { $0.position == position }?.value
    }

    /// The commits the first bad one may be, oldest first: `lastGood` + 1 through `firstBad`.
    package var candidates: ArraySlice<BisectCommit> { line[(lastGood + 1)...firstBad] }

    /// The steps in words, one per commit tested: `position`, the commit, the verdict, the
    /// value, and a note (`GOOD`, `BAD`, why skipped or undecided, the rounds).
    package var stepRows: [(position: Int, commit: BisectCommit, verdict: String, value: String, note: String)] {
        steps.map { step in
            let unit = target?.ends.unit ?? .allocationsPerOp
            var notes: [String] = []
            if step.position == 0 { notes.append("GOOD") }
            if step.position == commitCount { notes.append("BAD") }
            if let rounds = step.rounds { notes.append("\(rounds) rounds") }
            if !step.verdict.reason.isEmpty { notes.append(step.verdict.reason) }
            return (step.position, line[step.position], step.verdict.word, MetricFormat.value(step.value, unit),
                    notes.joined(separator: "; "))
        }
    }
}
