import Foundation
import GateCore

extension Workspace {
    /// Where `side` is: a worktree of `commit` when a `revision` was given (the package at
    /// `prefix` inside it), else the user's working tree at `packagePath`; and its own build
    /// folder in this workspace.
    ///
    /// - Parameters:
    ///   - prefix: the package's folder relative to the repository root ("" at the root, else
    ///     ending in "/").
    /// - Throws: `BuiltSide.Failure` when the revision has no Package.swift there;
    ///   `GitRepository.Failure` when the worktree cannot be added.
    package func checkout(
        _ side: RefsSide, revision: String?, commit: String?, dirty: Bool, packagePath: String, prefix: String
    ) throws -> SideCheckout {
        var path = packagePath
        if let revision, let commit {
            let worktree = try checkout(side, commit: commit)
            path = prefix.isEmpty ? worktree : worktree + "/" + String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
            guard FileManager.default.fileExists(atPath: path + "/Package.swift") else {
                let place = prefix.isEmpty ? "the repository root" : prefix
                throw BuiltSide.Failure(description: "\(side) \(revision): no Package.swift at \(place) in \(GitRevision.short(commit))")
            }
        }
        return SideCheckout(side: side, revision: revision, commit: commit, dirty: dirty, packagePath: path,
                            scratchPath: try scratchPath(side))
    }
}
