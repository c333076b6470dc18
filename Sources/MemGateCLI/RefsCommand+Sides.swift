import BenchResults
import CLISupport
import Foundation
import GateCore
import GateRunner
import SystemSupport

/// What building and running both sides of `memgate refs` produced.
struct RefsSides {
    /// Each side's pooled results: one value per round per metric.
    var pooled: [RefsSide: ResultsFile]
    /// The settled comparison of head against base.
    var report: Report
    /// The sides as built.
    var base: BuiltSide, head: BuiltSide
}

extension RefsCommand {
    /// Creates the workspace (worktrees, build folders, a TMPDIR for children), builds both
    /// sides and runs them in settled, interleaved rounds; the workspace is removed on
    /// return, on a thrown error and on SIGINT/SIGTERM.
    static func runSides(_ plan: RefsPlan, _ revisions: RefsRevisions, launches: LaunchGate, progress: ProgressLine) throws -> RefsSides {
        let workspace: RefsWorkspace
        do {
            workspace = try RefsWorkspace(repository: revisions.repository, buildRoot: plan.buildRoot)
        } catch { throw CommandError(error) }
        let interrupt = InterruptCleanup(
            command: "memgate refs", launches: launches, done: "temporary worktrees and build folders removed"
        ) {
            workspace.remove()
        }
        interrupt.install()
        defer {
            progress.finish()
            workspace.remove()
            interrupt.checkpoint()
            interrupt.uninstall()
        }
        // Builds and benchmarks get a TMPDIR inside the workspace (`childEnvironment`), so
        // what SwiftPM leaves there goes away with it; memgate's own environment is untouched.
        let launcher = Launcher(gate: launches, environment: workspace.childEnvironment)
        return try interrupt.runLongPart(progress: progress, workspace: workspace) {
            let status = { (text: String) in progress.update("memgate refs: " + text) }
            interrupt.checkpoint()
            let baseCheckout = try sideCheckout(.base, plan.baseRevision, revisions.baseCommit, plan, revisions, workspace)
            let headCheckout = try sideCheckout(.head, plan.headRevision, revisions.headCommit, plan, revisions, workspace)
            // Both sides are discovered first (a side with nothing to build fails before any
            // build), then build at the same time: each build is mostly one chain of
            // whole-module compilations, one core each (a cached A/A refs: 62 s of builds one
            // after the other, 42-46 s at once; docs/performance.md).
            let discovered = try BothAtOnce.run(
                { try BuiltSide.discover(baseCheckout, listed: plan.executables, launcher: launcher) },
                { try BuiltSide.discover(headCheckout, listed: plan.executables, launcher: launcher) })
            let buildStatus = SideStatus(show: status)
            let build = { (checkout: SideCheckout, package: BenchmarkPackage) in
                try BuiltSide.build(checkout, package: package, selection: plan.selection, layout: plan.layout,
                                    launcher: launcher, status: { buildStatus.update(checkout.side, $0) })
            }
            let sides = try BothAtOnce.run({ try build(baseCheckout, discovered.0) }, { try build(headCheckout, discovered.1) })
            let (base, head) = try plan.narrowedToShard(sides.0, sides.1)
            workspace.refreshWorktreeIndexes()
            guard !base.benchmarks.isEmpty || !head.benchmarks.isEmpty else {
                throw BuiltSide.Failure(description: "no benchmark matches --filter/--skip on either side")
            }
            var runs = InterleavedRuns(
                base: base, head: head, forwardedArguments: plan.forwarded, workspace: workspace, launcher: launcher)
            // The passes run once per side, outside the rounds: reference counts for every
            // benchmark first, sites afterwards for those whose report needs them.
            let passes = PassRuns(forwarded: plan.forwarded, workspace: workspace, launcher: launcher)
            let built: [RefsSide: BuiltSide] = [.base: base, .head: head]
            for side in RefsSide.allCases {
                try runs.addPasses(passes.run(built[side]!, names: built[side]!.names, sites: false, status: status), to: side)
            }
            let settled = SettledRuns(
                looks: SequentialLooks(alpha: plan.gate.options.alpha, settling: plan.maxTime > 0), rounds: plan.rounds,
                maxSeconds: plan.maxTime, baselineName: "base \(base.checkout.label)", currentName: "head \(head.checkout.label)")
            var report = try settled.run(&runs, options: plan.gate.options, status: status)
            var pooled = runs.pooled
            let needingSites = report.benchmarksNeedingSites
            if !needingSites.isEmpty {
                for side in RefsSide.allCases {
                    let sites = try passes.run(built[side]!, names: needingSites, sites: true, status: status)
                    pooled[side] = PassResults.attachingSites(of: sites, to: pooled[side]!)
                }
                report = report.withSites(baseline: pooled[.base]!, current: pooled[.head]!)
            }
            return RefsSides(pooled: pooled, report: report, base: base, head: head)
        }
    }

    /// Where `side` is: a worktree of `commit` when a revision was given, the package itself
    /// for the working tree.
    private static func sideCheckout(
        _ side: RefsSide, _ revision: String?, _ commit: String?, _ plan: RefsPlan, _ revisions: RefsRevisions,
        _ workspace: RefsWorkspace
    ) throws -> SideCheckout {
        var path = plan.packagePath
        let prefix = revisions.prefix
        if let revision, let commit {
            let worktree = try workspace.checkout(side, commit: commit)
            path = prefix.isEmpty ? worktree : worktree + "/" + String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
            guard FileManager.default.fileExists(atPath: path + "/Package.swift") else {
                let place = prefix.isEmpty ? "the repository root" : prefix
                throw BuiltSide.Failure(description: "\(side) \(revision): no Package.swift at \(place) in \(GitRevision.short(commit))")
            }
        }
        return SideCheckout(side: side, revision: revision, commit: commit, dirty: side == .head && revisions.dirty,
                            packagePath: path, scratchPath: try workspace.scratchPath(side))
    }
}

/// The progress text of the two sides' builds, which run at once: each side's latest text,
/// shown together ("building base X (release) [1/1] · building head X (release) [1/1]").
/// Thread-safe: both builds report through it.
private final class SideStatus: @unchecked Sendable {
    private let lock = NSLock()
    private let show: (String) -> Void
    private var texts: [RefsSide: String] = [:]

    init(show: @escaping (String) -> Void) { self.show = show }

    func update(_ side: RefsSide, _ text: String) {
        lock.withLock {
            texts[side] = text
            show(RefsSide.allCases.compactMap { texts[$0] }.joined(separator: " · "))
        }
    }
}

