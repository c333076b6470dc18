import BenchResults
import CLISupport
import GateCore

/// What one `memgate bisect` is asked to do besides GOOD and BAD.
package struct BisectSettings: Sendable {
    /// Rounds per pair of a noisy test's first look.
    package var rounds: Int
    /// The most rounds per pair a noisy test may run, its looks together (`--max-rounds`).
    package var maxRounds: Int
    /// Arguments every benchmark run gets (`--samples`, `--sample-time`, `--timeout`).
    package var forwarded: [String]
    /// `--filter`/`--skip` for listing benchmarks.
    package var selection: [String]
    /// `--executable` names; empty for each commit's config or discovery.
    package var executables: [String]
    /// How every commit is built.
    package var layout: CodeLayout
    /// `--metric`, if given.
    package var metric: String?
    /// Thresholds, alpha and the noisy policy of every comparison.
    package var options: ComparisonOptions

    /// Settings (see the properties).
    package init(
        rounds: Int, maxRounds: Int, forwarded: [String], selection: [String], executables: [String], layout: CodeLayout,
        metric: String?, options: ComparisonOptions
    ) {
        self.rounds = rounds
        self.maxRounds = maxRounds
        self.forwarded = forwarded
        self.selection = selection
        self.executables = executables
        self.layout = layout
        self.metric = metric
        self.options = options
    }
}

/// The long part of `memgate bisect`, inside a `GateSession`: build and run the ends, choose
/// the target (`BisectTarget`), then test commits as `BisectSearch` asks until it names the
/// first bad one or cannot.
///
///     let result = try BisectRun(settings: settings, range: range, session: session).run()
///
/// Every commit tested runs its benchmarks once with the passes (`PassRuns`, keeping the
/// samples): exact metrics are decided from that run against GOOD's (`BisectVerdict.exact`),
/// and its sites are the change's site diff. Noisy metrics run rounds against both ends
/// (`StepRounds`, `SettledRuns`, `NoisyStep`) at the level `BisectLevels` gives. A commit that
/// does not build, or whose benchmark crashes or is missing, is skipped around, never counted
/// good. GOOD or BAD failing to build is an error.
package final class BisectRun {
    let settings: BisectSettings
    let range: BisectRange
    let session: GateSession
    /// Starts every child with the workspace's `TMPDIR`.
    let launcher: Launcher
    let builds: BisectBuilds
    let profiles: PassRuns
    /// The result so far.
    var result: BisectResult
    /// Each tested commit's run with the passes, by position.
    var profileAt: [Int: ResultsFile] = [:]
    /// Called with GOOD's and BAD's runs before anything is compared (the command checks its
    /// `--threshold` names against them); throwing stops the bisection.
    package var checkEnds: ((ResultsFile, ResultsFile) throws -> Void)?

    /// A bisection of `range` with `settings`, in `session`'s workspace.
    package init(settings: BisectSettings, range: BisectRange, session: GateSession) {
        self.settings = settings
        self.range = range
        self.session = session
        launcher = session.launcher.adding(environment: session.workspace.childEnvironment)
        builds = BisectBuilds(workspace: session.workspace, repository: range.repository, prefix: range.prefix,
                              listed: settings.executables, selection: settings.selection, layout: settings.layout, launcher: launcher)
        var profiles = PassRuns(forwarded: settings.forwarded, workspace: session.workspace, launcher: launcher)
        profiles.keepsSamples = true
        self.profiles = profiles
        result = BisectResult(good: range.good, bad: range.bad, line: range.line, outcome: .notReproduced, builds: 0)
    }

    /// The position of BAD.
    var badPosition: Int { range.line.count - 1 }

    /// Runs the whole bisection.
    ///
    /// - Throws: `BuiltSide.Failure` (an end did not build or has no benchmark),
    ///   `InterleavedRuns.Failure` (an end's run wrote no results), `BisectTarget.Problem`
    ///   (an end's benchmark failed, several benchmarks regressed), `CommandError` (`--metric`
    ///   recorded by no selected benchmark), git failures.
    package func run() throws -> BisectResult {
        let status = session.status
        let ends = try builds.buildEnds(good: (range.good, range.line[0].hash), bad: (range.bad, range.line[badPosition].hash),
                                        status: status)
        result.builds = builds.count
        session.workspace.refreshWorktreeIndexes()
        guard !ends.good.benchmarks.isEmpty || !ends.bad.benchmarks.isEmpty else {
            throw BuiltSide.Failure(description: "no benchmark matches --filter/--skip at GOOD or BAD")
        }
        profileAt[0] = try profiles.run(ends.good, names: ends.good.names, sites: true, status: status)
        profileAt[badPosition] = try profiles.run(ends.bad, names: ends.bad.names, sites: true, status: status)
        try checkEnds?(profileAt[0]!, profileAt[badPosition]!)
        guard let target = try chooseTarget(ends) else { return result }
        try search(target, ends: ends)
        return result
    }

    /// Compares two results files with the settings' options.
    func compare(_ baseline: ResultsFile, _ current: ResultsFile, names: (String, String)) throws -> Report {
        do {
            return try Comparison.compare(baseline: baseline, current: current, baselineName: names.0, currentName: names.1,
                                          options: settings.options)
        } catch { throw CommandError("\(error)") }
    }

    /// `SettledRuns` for one noisy test at `level` with the settings' rounds and round limit;
    /// for a step when `target` is given (`SettledRuns.bisectTest`).
    func settledRuns(level: Double, names: (String, String), step target: BisectTarget? = nil) -> SettledRuns {
        SettledRuns.bisectTest(level: level, rounds: settings.rounds, maxRounds: settings.maxRounds, names: names, step: target)
    }
}
