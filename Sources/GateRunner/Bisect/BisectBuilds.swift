import GateCore

/// The checkouts and builds of one `memgate bisect`: GOOD and BAD in worktrees of their own
/// (`base`, `head`), built once each and kept for the whole bisection, and one more worktree,
/// `step`, that every commit tested moves to (`git checkout --detach`), so SwiftPM rebuilds
/// only what the commit changed in its one build folder.
///
///     let builds = BisectBuilds(workspace: workspace, repository: repository, prefix: "", ...)
///     let (good, bad) = try builds.buildEnds(good: ("v1.0", goodCommit), bad: ("main", badCommit), status: status)
///     let step = try builds.buildStep(line[8], reusingGoodsBuild: true, status: status)   // adds the step worktree
///     let next = try builds.buildStep(line[12], reusingGoodsBuild: true, status: status)  // moves it, builds incrementally
///     builds.count                                              // 4
///
/// The build folders are the workspace's (`TMP/build/{base,head,step}`; an exact metric's
/// steps build in `base`, see `buildStep`), or with
/// `--build-root DIR` the folders `DIR/base`, `DIR/head` and `DIR/step`, kept across runs
/// (`memgate refs` builds into the same `base` and `head`).
package final class BisectBuilds {
    /// Commits built so far (a commit with several benchmark executables counts once; a build
    /// that failed counts too).
    package private(set) var count = 0
    private let workspace: Workspace
    private let repository: GitRepository
    private let prefix: String
    private let listed: [String], selection: [String]
    private let layout: CodeLayout
    private let launcher: Launcher
    /// The step worktree, once added.
    private var stepWorktree: String?

    /// Builds in `workspace`'s worktrees of `repository`, the package at `prefix` in each.
    ///
    /// - Parameters:
    ///   - listed: executables named on the command line (`--executable`), or empty.
    ///   - selection: `--filter`/`--skip` arguments for listing benchmarks.
    ///   - launcher: starts git, builds and listings.
    package init(
        workspace: Workspace, repository: GitRepository, prefix: String, listed: [String], selection: [String], layout: CodeLayout,
        launcher: Launcher
    ) {
        self.workspace = workspace
        self.repository = repository
        self.prefix = prefix
        self.listed = listed
        self.selection = selection
        self.layout = layout
        self.launcher = launcher
    }

    /// Checks GOOD and BAD out and builds both at once (`BuiltSide.buildBoth`).
    ///
    /// - Throws: what `Workspace.checkout` and `BuiltSide.buildBoth` throw, naming the end.
    package func buildEnds(
        good: (ref: String, commit: String), bad: (ref: String, commit: String), status: @escaping (String) -> Void
    ) throws -> (good: BuiltSide, bad: BuiltSide) {
        let goodCheckout = try workspace.checkout(.base, revision: good.ref, commit: good.commit, dirty: false, packagePath: "",
                                                  prefix: prefix, role: "good")
        let badCheckout = try workspace.checkout(.head, revision: bad.ref, commit: bad.commit, dirty: false, packagePath: "",
                                                 prefix: prefix, role: "bad")
        count += 2
        return try BuiltSide.buildBoth(goodCheckout, badCheckout, listed: listed, selection: selection, layout: layout,
                                       launcher: launcher, status: status)
    }

    /// Moves the step worktree to `commit` (adding it the first time) and builds it there.
    ///
    /// With `reusingGoodsBuild` (an exact metric: GOOD's executable never runs again once the
    /// ends have run) the step builds in GOOD's build folder, `base`, instead of its own, so
    /// the first step compiles only what differs from GOOD (the package's own targets, its
    /// dependencies' builds reused) rather than everything again; a noisy metric's steps run
    /// rounds against GOOD's executable, so they keep the `step` folder. Pass the same value
    /// for every step of a bisection.
    ///
    /// - Throws: `BuiltSide.Failure` when the commit cannot be built or listed (no
    ///   Package.swift, no benchmark executable, a failed build): the commit is untestable;
    ///   `GitRepository.Failure` when git cannot check it out.
    package func buildStep(_ commit: BisectCommit, reusingGoodsBuild: Bool, status: @escaping (String) -> Void) throws -> BuiltSide {
        let worktree: String
        if let stepWorktree {
            try repository.switchWorktree(at: stepWorktree, to: commit.hash)
            worktree = stepWorktree
        } else {
            worktree = try workspace.checkout(folder: "step", commit: commit.hash)
            stepWorktree = worktree
        }
        let path = Workspace.packagePath(inWorktree: worktree, prefix: prefix)
        try Workspace.requireManifest(at: path, prefix: prefix, what: "commit \(commit.short)", commit: commit.hash)
        let checkout = SideCheckout(side: .head, revision: commit.short, commit: commit.hash, dirty: false, packagePath: path,
                                    scratchPath: try workspace.scratchPath(folder: reusingGoodsBuild ? "base" : "step"), role: "commit")
        let package = try BuiltSide.discover(checkout, listed: listed, launcher: launcher)
        count += 1
        return try BuiltSide.build(checkout, package: package, selection: selection, layout: layout, launcher: launcher, status: status)
    }
}
