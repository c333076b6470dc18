import GateCore

/// Where one side's sources are and where it builds: the package folder (inside a worktree,
/// or the user's own working tree for HEAD), and its own SwiftPM scratch path.
package struct SideCheckout: Sendable {
    /// Which side this is.
    package var side: RefsSide
    /// The revision as the user gave it (`origin/main`), or nil for the working tree.
    package var revision: String?
    /// The commit checked out, or HEAD's commit under the working tree (nil in a repository
    /// without commits).
    package var commit: String?
    /// Whether this is the user's working tree with uncommitted changes to tracked files.
    package var dirty: Bool
    /// The package's root folder on this side.
    package var packagePath: String
    /// The build folder (`--scratch-path`), never the package's own `.build`.
    package var scratchPath: String
    /// What messages and progress call this side: `base`, `head`, or the role a command
    /// gives it (`memgate bisect`: `good`, `bad`, `commit`).
    package var role: String

    /// A side's checkout (see the properties); `role` defaults to the side's name.
    package init(
        side: RefsSide, revision: String?, commit: String?, dirty: Bool, packagePath: String, scratchPath: String, role: String? = nil
    ) {
        self.side = side
        self.role = role ?? side.description
        self.revision = revision
        self.commit = commit
        self.dirty = dirty
        self.packagePath = packagePath
        self.scratchPath = scratchPath
    }

    /// The role and the label: `base origin/main (3f2a1b9c0d)`, what every message about the
    /// side starts with.
    package var title: String { "\(role) \(label)" }

    /// How reports and messages name this side: `origin/main (3f2a1b9c0d)`,
    /// `working tree (3f2a1b9c0d + uncommitted changes)`; just the short hash when that is the
    /// revision given.
    package var label: String {
        let short = commit.map(GitRevision.short)
        guard let revision else {
            let detail = [short, dirty ? "uncommitted changes" : nil].compactMap { $0 }.joined(separator: " + ")
            return detail.isEmpty ? "working tree" : "working tree (\(detail))"
        }
        return short.map { $0 == revision ? revision : "\(revision) (\($0))" } ?? revision
    }
}
