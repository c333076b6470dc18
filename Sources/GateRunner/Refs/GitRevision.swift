import Foundation
import GateCore

/// What the user typed for a git revision, checked and turned into `git` arguments, and what
/// `git rev-parse` answered. Pure: the process work is in `GitRepository`.
///
///     try GitRevision.check("origin/main")               // fine
///     GitRevision.revParseArguments("origin/main")
///     // ["rev-parse", "--verify", "--quiet", "origin/main^{commit}"]
///     GitRevision.commit(fromRevParse: "3f2a...e1\n")    // "3f2a...e1"
///
/// Refs reach git as arguments, never through a shell, so quoting cannot go wrong; `check`
/// still rejects text git would read as an option (a leading `-`) or that cannot be a
/// revision at all, so the error says so rather than something about an unknown switch.
package enum GitRevision {
    /// Why a revision's text is refused before asking git.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        /// The revision as typed.
        package var revision: String
        /// What is wrong with it.
        package var reason: String
        package var description: String { "'\(revision)' is not a git revision: \(reason)" }
    }

    /// Checks that `revision` can be passed to `git rev-parse` as a revision.
    ///
    /// - Throws: `Problem` if it is empty, starts with `-`, or contains a control character
    ///   (a newline, NUL, ...).
    package static func check(_ revision: String) throws(Problem) {
        if revision.isEmpty { throw Problem(revision: revision, reason: "it is empty") }
        if revision.hasPrefix("-") { throw Problem(revision: revision, reason: "it starts with '-' (git would read an option)") }
        if revision.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw Problem(revision: revision, reason: "it contains a control character")
        }
    }

    /// The arguments of `git` that print the commit `revision` names, or print nothing and
    /// fail when it names no commit (`--quiet`). `^{commit}` peels annotated tags.
    package static func revParseArguments(_ revision: String) -> [String] {
        ["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]
    }

    /// The command line `revParseArguments` stands for, for error messages.
    package static func revParseCommand(_ revision: String) -> String {
        "git " + revParseArguments(revision).joined(separator: " ")
    }

    /// The commit id in `git rev-parse --verify` output: one line of 40 (SHA-1) or 64
    /// (SHA-256) lowercase hex digits, surrounding whitespace ignored; nil otherwise.
    package static func commit(fromRevParse output: String) -> String? {
        let text = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count == 40 || text.count == 64 else { return nil }
        guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else { return nil }
        return text
    }

    /// The first 10 hex digits of `commit`, for display.
    package static func short(_ commit: String) -> String { String(commit.prefix(10)) }
}
