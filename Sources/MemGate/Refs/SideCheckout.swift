/// Where one side's sources are and where it builds: the package folder (inside a worktree,
/// or the user's own working tree for HEAD), and its own SwiftPM scratch path.
struct SideCheckout: Sendable {
    /// Which side this is.
    var side: RefsSide
    /// The revision as the user gave it (`origin/main`), or nil for the working tree.
    var revision: String?
    /// The commit checked out, or HEAD's commit under the working tree (nil in a repository
    /// without commits).
    var commit: String?
    /// Whether this is the user's working tree with uncommitted changes to tracked files.
    var dirty: Bool
    /// The package's root folder on this side.
    var packagePath: String
    /// The build folder (`--scratch-path`), never the package's own `.build`.
    var scratchPath: String

    /// How reports and messages name this side: `origin/main (3f2a1b9c0d)`,
    /// `working tree (3f2a1b9c0d + uncommitted changes)`.
    var label: String {
        let short = commit.map(GitRevision.short)
        guard let revision else {
            let detail = [short, dirty ? "uncommitted changes" : nil].compactMap { $0 }.joined(separator: " + ")
            return detail.isEmpty ? "working tree" : "working tree (\(detail))"
        }
        return short.map { "\(revision) (\($0))" } ?? revision
    }
}
