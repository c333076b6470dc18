import GateCore

/// GOOD and BAD of one `memgate bisect`, resolved, and the line of commits between them: all
/// that git can refuse, checked before anything is created.
///
///     let range = try BisectRange(packagePath: "/src/app", good: "v1.0", bad: "main", launcher: launcher)
///     range.line.count - 1   // the commits after GOOD up to BAD
package struct BisectRange {
    /// The repository holding the package.
    package var repository: GitRepository
    /// The package's folder relative to the repository root ("" at the root, else ending in "/").
    package var prefix: String
    /// GOOD and BAD as the user gave them.
    package var good: String, bad: String
    /// GOOD, every commit after it on BAD's first-parent line, BAD last
    /// (`GitRepository.firstParentLine`).
    package var line: [BisectCommit]

    /// Resolves `good` and `bad` in the repository containing `packagePath` and reads the line.
    ///
    /// - Throws: `GitRevision.Problem` or `GitRepository.Failure`: not a git repository, an
    ///   unknown revision, BAD not a descendant of GOOD, GOOD not on BAD's first-parent line.
    package init(packagePath: String, good: String, bad: String, launcher: Launcher) throws {
        (repository, prefix) = try GitRepository.containing(packagePath, launcher: launcher)
        self.good = good
        self.bad = bad
        let goodCommit = try repository.resolve(good), badCommit = try repository.resolve(bad)
        line = try repository.firstParentLine(from: goodCommit, to: badCommit)
    }
}
