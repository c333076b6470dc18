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
    ///   - folder: the worktree's and the build folder's name (default: the side's).
    ///   - role: what messages call the side (`SideCheckout.role`; default: the side's name).
    /// - Throws: `BuiltSide.Failure` when the revision has no Package.swift there;
    ///   `GitRepository.Failure` when the worktree cannot be added.
    package func checkout(
        _ side: RefsSide, revision: String?, commit: String?, dirty: Bool, packagePath: String, prefix: String,
        folder: String? = nil, role: String? = nil
    ) throws -> SideCheckout {
        let folder = folder ?? side.description
        var path = packagePath
        if let revision, let commit {
            path = Self.packagePath(inWorktree: try checkout(folder: folder, commit: commit), prefix: prefix)
            try Self.requireManifest(at: path, prefix: prefix, what: "\(role ?? side.description) \(revision)", commit: commit)
        }
        return SideCheckout(side: side, revision: revision, commit: commit, dirty: dirty, packagePath: path,
                            scratchPath: try scratchPath(folder: folder), role: role)
    }

    /// The package's folder in the worktree at `worktree`, `prefix` being its folder relative
    /// to the repository root.
    package static func packagePath(inWorktree worktree: String, prefix: String) -> String {
        prefix.isEmpty ? worktree : worktree + "/" + String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
    }

    /// Throws `BuiltSide.Failure` ("WHAT: no Package.swift at PREFIX in COMMIT") unless the
    /// package folder `path` has a Package.swift.
    package static func requireManifest(at path: String, prefix: String, what: String, commit: String) throws {
        guard !FileManager.default.fileExists(atPath: path + "/Package.swift") else { return }
        let place = prefix.isEmpty ? "the repository root" : prefix
        throw BuiltSide.Failure(description: "\(what): no Package.swift at \(place) in \(GitRevision.short(commit))")
    }
}
