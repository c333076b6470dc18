import Foundation
import GateCore

/// The temporary folders of one long command's run (`GateSession`): for `memgate refs` (and
/// `bisect`, which adds a `step` worktree and build folder) the worktrees, the build folders
/// (unless `--build-root` keeps them elsewhere) and the per-run
/// results; for the others a scratch folder. All live under one folder that `remove()` deletes.
///
///     let workspace = try Workspace(repository: repository, buildRoot: nil)
///     let checkout = try workspace.checkout(.base, commit: commit)   // TMP/base, a worktree
///     let scratch = try workspace.scratchPath(.base)                 // TMP/build/base
///     workspace.remove()                                             // worktrees and TMP gone
///
/// Layout: `TMP/base` and `TMP/head` (detached worktrees), `TMP/build/{base,head}` (SwiftPM
/// scratch paths) or `BUILD_ROOT/{base,head}`, `TMP/results` (one JSON file per run) and
/// `TMP/tmp` (the children's `TMPDIR`).
/// `remove()` is safe to call from any thread, more than once, and concurrently (the
/// interrupt handler and the normal path may race): the first call does the work and
/// later ones wait for it to finish.
package final class Workspace: @unchecked Sendable {
    /// The folder holding everything temporary.
    package let root: String
    /// Where the build folders live when they are kept across runs (`--build-root`).
    package let buildRoot: String?
    private let repository: GitRepository?
    private let lock = NSLock()
    private var worktrees: [String] = []
    private var removed = false

    /// Creates the temporary folder (in the system's temporary directory, `TMPDIR`).
    ///
    /// - Parameters:
    ///   - repository: the repository worktrees are added to and removed from; nil for a
    ///     workspace without worktrees (`memgate calibrate`).
    ///   - buildRoot: a folder to keep the build folders in, or nil for temporary ones.
    ///   - command: names the folder (`memgate-COMMAND-UUID`).
    package init(repository: GitRepository?, buildRoot: String?, command: String = "refs") throws {
        self.repository = repository
        self.buildRoot = buildRoot
        root = FileManager.default.temporaryDirectory.appendingPathComponent("memgate-\(command)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/results", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
    }

    /// The temporary directory for the child processes (`TMPDIR`): SwiftPM leaves empty
    /// lock files and folders in it (`_tmp_..._.build.lock`, `TemporaryDirectory.XXXX`) on
    /// every build; here they go away with the workspace.
    package var childTemporaryDirectory: String { root + "/tmp" }

    /// The environment overrides of every build and run inside the workspace: `TMPDIR` set
    /// to `childTemporaryDirectory`, so what SwiftPM leaves there goes away with it.
    package var childEnvironment: [String: String] { ["TMPDIR": childTemporaryDirectory] }

    /// Adds a detached worktree of `commit` for `side` and returns its folder.
    package func checkout(_ side: RefsSide, commit: String) throws -> String {
        try checkout(folder: side.description, commit: commit)
    }

    /// Adds a detached worktree of `commit` at `TMP/FOLDER` and returns its folder
    /// (`memgate bisect`'s `step` worktree besides `base` and `head`).
    package func checkout(folder: String, commit: String) throws -> String {
        let path = "\(root)/\(folder)"
        lock.lock()
        guard !removed, let repository else {
            lock.unlock()
            throw GitRepository.Failure(description: removed ? "the workspace was already removed" : "this workspace has no repository")
        }
        // Registered before it exists, so a cleanup racing with `git worktree add` removes it.
        worktrees.append(path)
        lock.unlock()
        try repository.addWorktree(at: path, commit: commit, environment: childEnvironment)
        return path
    }

    /// The SwiftPM scratch path (build folder) of `side`, created if needed.
    package func scratchPath(_ side: RefsSide) throws -> String {
        try scratchPath(folder: side.description)
    }

    /// The SwiftPM scratch path named `folder` (`TMP/build/FOLDER` or `BUILD_ROOT/FOLDER`),
    /// created if needed.
    package func scratchPath(folder: String) throws -> String {
        let path = buildRoot.map { "\($0)/\(folder)" } ?? "\(root)/build/\(folder)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Where the results of one run of one benchmark go.
    package func resultsPath(round: Int, side: RefsSide, index: Int) -> String {
        "\(root)/results/\(side)-r\(round + 1)-\(index).json"
    }

    /// Where the results of one run of the passes of one benchmark go (`PassRuns`).
    package func passResultsPath(side: RefsSide, index: Int, sites: Bool) -> String {
        "\(root)/results/\(side)-\(sites ? "sites" : "counts")-\(index).json"
    }

    /// Refreshes the index of every worktree added so far (`GitRepository.refreshIndex`), so
    /// the benchmark runs' `git status` is cheap; call it after the builds.
    package func refreshWorktreeIndexes() {
        let paths = lock.withLock { removed ? [] : worktrees }
        for path in paths { repository?.refreshIndex(ofWorktree: path) }
    }

    /// Removes the worktrees (from git's records too) and the temporary folder; the build
    /// root, if any, stays. Idempotent and thread-safe.
    package func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard !removed else { return }
        removed = true
        // After an interrupt, compilers of a stopped build (each in a process group of its own,
        // not memgate's children) can outlive `swift build` and write into the build folders,
        // recreating what was removed: stop every process still naming the folder first.
        StrayProcesses.stop(mentioning: root, within: 5)
        for path in worktrees { repository?.removeWorktree(at: path) }
        // A removal racing with a process that was ending fails: retry for up to 5 seconds.
        for _ in 0..<50 {
            try? FileManager.default.removeItem(atPath: root)
            guard FileManager.default.fileExists(atPath: root) else { break }
            usleep(100_000)
        }
    }
}
