import Foundation
import GateCore

/// The git repository holding a package, and the few git commands `memgate refs` needs:
/// resolving revisions and adding and removing detached worktrees.
///
///     let (repository, prefix) = try GitRepository.containing("/src/app/Packages/Core", launcher: launcher)
///     let commit = try repository.resolve("origin/main")
///     try repository.addWorktree(at: "/tmp/x/base", commit: commit)
///     // ... build /tmp/x/base/\(prefix) ...
///     repository.removeWorktree(at: "/tmp/x/base")
///
/// Every command runs `git -C ROOT ...` with arguments (never a shell). None of them
/// changes the user's working tree, index or branches: worktrees are detached and live
/// outside the repository; git records them under `.git/worktrees` until removed.
package struct GitRepository {
    /// A git command that failed, or a revision that names no commit.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The top-level directory of the repository's working tree.
    package var root: String
    /// How git is started.
    package var launcher: Launcher

    /// The repository that contains `path`, and `path`'s location inside it.
    ///
    /// - Returns: the repository and the prefix of `path` relative to its root, empty or
    ///   ending in `/` (`"Packages/Core/"`), as `git rev-parse --show-prefix` prints it.
    /// - Throws: `Failure` when `path` is not inside a git working tree or git is missing.
    package static func containing(_ path: String, launcher: Launcher) throws -> (repository: GitRepository, prefix: String) {
        let outcome = try git(["-C", path, "rev-parse", "--show-toplevel", "--show-prefix"], launcher: launcher)
        guard outcome.succeeded else {
            if outcome.status == 127 { throw Failure(description: "git is not installed (or not on PATH); memgate refs needs it") }
            let detail = outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(
                description: "\(path) is not inside a git repository (\(detail.isEmpty ? "git rev-parse --show-toplevel failed" : detail))")
        }
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let root = lines.first, !root.isEmpty else {
            throw Failure(description: "\(path): git rev-parse --show-toplevel printed nothing (a bare repository?)")
        }
        return (GitRepository(root: root, launcher: launcher), lines.count > 1 ? lines[1] : "")
    }

    /// The commit `revision` names.
    ///
    /// - Throws: `GitRevision.Problem` for text that cannot be a revision; `Failure`
    ///   "unknown ref 'X' (...)" when git knows no such commit.
    package func resolve(_ revision: String) throws -> String {
        try GitRevision.check(revision)
        let outcome = try Self.git(["-C", root] + GitRevision.revParseArguments(revision), launcher: launcher)
        guard outcome.succeeded, let commit = GitRevision.commit(fromRevParse: outcome.output) else {
            throw Failure(description: "unknown ref '\(revision)' (\(GitRevision.revParseCommand(revision)) found no commit in \(root)); "
                + "fetch it first (git fetch origin), or check the spelling")
        }
        return commit
    }

    /// The commit checked out in the working tree that contains `directory`
    /// (`git -C DIRECTORY rev-parse --verify HEAD^{commit}`), or nil when `directory` is not
    /// inside a git working tree, the repository has no commit yet, or git cannot be started.
    package static func headCommit(in directory: String, launcher: Launcher) -> String? {
        guard let outcome = try? git(["-C", directory] + GitRevision.revParseArguments("HEAD"), launcher: launcher),
              outcome.succeeded else { return nil }
        return GitRevision.commit(fromRevParse: outcome.output)
    }

    /// Whether tracked files differ from HEAD (staged or not); untracked files are ignored.
    package func hasUncommittedChanges() throws -> Bool {
        let outcome = try Self.git(["-C", root, "status", "--porcelain", "--untracked-files=no"], launcher: launcher)
        return outcome.succeeded && !outcome.output.isEmpty
    }

    /// Checks `commit` out, detached, into a new worktree at `path` (which must not exist).
    package func addWorktree(at path: String, commit: String, environment: [String: String] = [:]) throws {
        let outcome = try Self.git(["-C", root, "worktree", "add", "--detach", "--quiet", path, commit],
                                   launcher: launcher.adding(environment: environment))
        guard outcome.succeeded else {
            throw Failure(description: "git worktree add --detach \(path) \(GitRevision.short(commit)) "
                + "failed:\n\((outcome.output + outcome.errorOutput).lastLines(10))")
        }
    }

    /// Refreshes the index of memgate's own worktree at `path` (`git update-index -q
    /// --refresh`; never the user's). Right after a checkout every file is as new as the
    /// index, so git must read each one again on every `git status` ("racily clean"
    /// entries), which BenchKit's environment probe runs once per benchmark process: 20-40
    /// ms each in a worktree of this repository. Call it at least a second after the
    /// checkout. Never throws: a failed refresh only leaves those runs slower.
    package func refreshIndex(ofWorktree path: String) {
        _ = try? launcher.run("git", ["-C", path, "update-index", "-q", "--refresh"])
    }

    /// Removes the worktree at `path` (`git worktree remove --force`), then prunes git's
    /// records of worktrees whose folder is gone (`git worktree prune`). Never throws:
    /// cleanup does all it can; the caller removes the folder itself if it is still there.
    package func removeWorktree(at path: String) {
        _ = try? Self.git(["-C", root, "worktree", "remove", "--force", path], launcher: launcher.forCleanup)
        try? FileManager.default.removeItem(atPath: path)
        _ = try? Self.git(["-C", root, "worktree", "prune"], launcher: launcher.forCleanup)
    }

    /// Runs `git` with `arguments`, capturing both outputs. `GIT_OPTIONAL_LOCKS=0` keeps
    /// read-only commands from refreshing the user's index behind their back. Cleanup
    /// passes `launcher.forCleanup`, which runs while memgate is being interrupted.
    static func git(_ arguments: [String], launcher: Launcher) throws -> Subprocess.Outcome {
        try launcher.adding(environment: ["GIT_OPTIONAL_LOCKS": "0"]).run("git", arguments)
    }
}
