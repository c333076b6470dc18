import GateCore

extension GitRepository {
    /// The line `memgate bisect` searches: `good`, then every commit after it on `bad`'s
    /// first-parent line, oldest first, `bad` last (`git log --first-parent --reverse
    /// GOOD..BAD`). A merge on that line stands for the whole branch it merged; bisecting
    /// inside that branch is a second bisection between its own commits.
    ///
    /// - Parameters:
    ///   - good: GOOD's commit (resolved).
    ///   - bad: BAD's commit (resolved).
    /// - Throws: `Failure` when git fails, when `bad` is not a descendant of `good` (nothing
    ///   in GOOD..BAD), or when `good` is not on `bad`'s first-parent line (the oldest commit of
    ///   GOOD..BAD on that line has another first parent).
    package func firstParentLine(from good: String, to bad: String) throws -> [BisectCommit] {
        let outcome = try Self.git(["-C", root, "-c", "log.showSignature=false", "log", "--no-color", "--first-parent", "--reverse",
                                    "-z", "--format=" + Self.logFormat, "\(good)..\(bad)", "--"], launcher: launcher)
        guard outcome.succeeded else {
            throw Failure(description: "git log --first-parent \(GitRevision.short(good))..\(GitRevision.short(bad)) failed:\n"
                + outcome.errorOutput.lastLines(10))
        }
        let entries = Self.parseLog(outcome.output)
        guard let oldest = entries.first else {
            throw Failure(description: "no commit after GOOD (\(GitRevision.short(good))) leads to BAD (\(GitRevision.short(bad))): "
                + "BAD must be a descendant of GOOD, and not GOOD itself")
        }
        guard oldest.parents.first == good else {
            throw Failure(description: "GOOD (\(GitRevision.short(good))) is not on BAD's first-parent line: walking first parents "
                + "from BAD (\(GitRevision.short(bad))) reaches \(oldest.commit.short), whose first parent is "
                + "\(oldest.parents.first.map(GitRevision.short) ?? "none"); bisect walks that line only: give a GOOD on it "
                + "(git log --first-parent BAD lists them), e.g. git merge-base GOOD BAD")
        }
        return [try commit(good)] + entries.map(\.commit)
    }

    /// One commit's hash, subject and author date.
    /// - Throws: `Failure` when git fails.
    package func commit(_ hash: String) throws -> BisectCommit {
        let outcome = try Self.git(["-C", root, "-c", "log.showSignature=false", "log", "--no-color", "-1", "-z",
                                    "--format=" + Self.logFormat, hash, "--"], launcher: launcher)
        guard outcome.succeeded, let entry = Self.parseLog(outcome.output).first else {
            throw Failure(description: "git log -1 \(GitRevision.short(hash)) failed:\n\(outcome.errorOutput.lastLines(10))")
        }
        return entry.commit
    }

    /// Moves memgate's own detached worktree at `path` to `commit` (`git checkout --force
    /// --detach`: what a build changed in tracked files is discarded; untracked files stay,
    /// and the build folder is elsewhere), so the next build there is incremental.
    /// - Throws: `Failure` when git fails.
    package func switchWorktree(at path: String, to commit: String) throws {
        let outcome = try Self.git(["-C", path, "checkout", "--quiet", "--force", "--detach", commit], launcher: launcher)
        guard outcome.succeeded else {
            throw Failure(description: "git checkout --detach \(GitRevision.short(commit)) in \(path) failed:\n"
                + (outcome.output + outcome.errorOutput).lastLines(10))
        }
    }

    /// Hash, parents, author date and subject, separated by the unit separator (U+001F);
    /// records end with NUL (`-z`).
    static let logFormat = "%H%x1f%P%x1f%aI%x1f%s"

    /// The commits of `git log -z --format=logFormat` output, in its order, with their
    /// parents. A subject may hold anything but NUL, a unit separator included: it is
    /// everything after the third separator. Records that do not have four fields are dropped.
    static func parseLog(_ output: String) -> [(commit: BisectCommit, parents: [String])] {
        output.split(separator: "\0", omittingEmptySubsequences: true).compactMap { record in
            let text = record.hasPrefix("\n") ? record.dropFirst() : record
            let fields = text.split(separator: "\u{1F}", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, !fields[0].isEmpty else { return nil }
            let parents = fields[1].split(separator: " ").map(String.init)
            return (BisectCommit(hash: fields[0], subject: fields[3], authorDate: fields[2]), parents)
        }
    }
}
