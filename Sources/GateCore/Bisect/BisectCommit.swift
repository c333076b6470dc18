/// One commit of the line `memgate bisect` searches: what the report names it by.
///
///     let commit = BisectCommit(hash: "3f2a1b9c0d...", subject: "Cache the encoder", authorDate: "2026-12-01T10:00:00+01:00")
///     commit.short   // "3f2a1b9c0d"
///
/// Pure data: reading it from git is GateRunner's (`GitRepository.firstParentLine`).
package struct BisectCommit: Sendable, Equatable {
    /// The full commit id (40 or 64 hex digits).
    package var hash: String
    /// The first line of its message, as `git log --format=%s` prints it.
    package var subject: String
    /// Its author date, strict ISO 8601 (`git log --format=%aI`).
    package var authorDate: String

    /// A commit with these fields.
    package init(hash: String, subject: String, authorDate: String) {
        self.hash = hash
        self.subject = subject
        self.authorDate = authorDate
    }

    /// The first 10 hex digits of `hash`, for display.
    package var short: String { String(hash.prefix(10)) }
}
