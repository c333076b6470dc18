import BaseSystem
import BenchResults
import CLISupport
import Foundation
import GateCore
import GateRunner

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
    /// Builds both sides and runs them in settled, interleaved rounds: the long part of
    /// `memgate refs`, inside `session` (its workspace holds the worktrees, build folders and
    /// the children's TMPDIR).
    static func runSides(_ plan: RefsPlan, _ revisions: RefsRevisions, session: GateSession) throws -> RefsSides {
        let workspace = session.workspace
        // Builds and benchmarks get a TMPDIR inside the workspace (`childEnvironment`), so
        // what SwiftPM leaves there goes away with it; memgate's own environment is untouched.
        let launcher = session.launcher.adding(environment: workspace.childEnvironment)
        let status = session.status
        let checkout = { (side: RefsSide, revision: String?, commit: String?) in
            try workspace.checkout(side, revision: revision, commit: commit, dirty: side == .head && revisions.dirty,
                                   packagePath: plan.packagePath, prefix: revisions.prefix)
        }
        let baseCheckout = try checkout(.base, plan.baseRevision, revisions.baseCommit)
        let headCheckout = try checkout(.head, plan.headRevision, revisions.headCommit)
        let sides = try BuiltSide.buildBoth(baseCheckout, headCheckout, listed: plan.executables, selection: plan.selection,
                                            layout: plan.layout, launcher: launcher, status: status)
        let (base, head) = try plan.narrowedToShard(sides.0, sides.1)
        workspace.refreshWorktreeIndexes()
        guard !base.benchmarks.isEmpty || !head.benchmarks.isEmpty else {
            throw BuiltSide.Failure(description: "no benchmark matches --filter/--skip on either side")
        }
        var runs = InterleavedRuns(base: base, head: head, forwardedArguments: plan.forwarded, workspace: workspace, launcher: launcher)
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
