import Foundation
import Testing
import TestSupport
@testable import GateCore
@testable import GateRunner

/// The git work of `memgate bisect`: reading `git log` output, and the first-parent line of a
/// real temporary repository (with a merge), and what is refused.
@Suite struct BisectGitTests {
    @Test func parsesLogRecords() {
        let a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40), c = String(repeating: "c", count: 40)
        let output = "\(b)\u{1F}\(a)\u{1F}2026-12-01T10:00:00+01:00\u{1F}Fix it\0"
            + "\n\(c)\u{1F}\(b) \(a)\u{1F}2026-12-02T10:00:00Z\u{1F}Merge: a \u{1F} in the subject\0"
            + "garbage\0"
        let entries = GitRepository.parseLog(output)
        #expect(entries.count == 2)
        #expect(entries[0].commit == BisectCommit(hash: b, subject: "Fix it", authorDate: "2026-12-01T10:00:00+01:00"))
        #expect(entries[0].parents == [a])
        #expect(entries[1].commit.subject == "Merge: a \u{1F} in the subject" && entries[1].parents == [b, a])
        #expect(GitRepository.parseLog("").isEmpty)
    }

    /// A repository: c0 - c1 - M (merging side branch s1) - c3, on main.
    final class Repository {
        let directory: TemporaryDirectory
        let repository: GitRepository

        init() throws {
            directory = try TemporaryDirectory()
            repository = GitRepository(root: directory.path, launcher: Launcher(gate: nil, environment: [
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            ]))
            try git("init", "-q", "-b", "main")
            for name in ["c0", "c1"] { try commit(name) }
            try git("checkout", "-q", "-b", "side")
            try commit("s1")
            try git("checkout", "-q", "main")
            try git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "merge", "-q", "--no-ff", "-m", "M", "side")
            try commit("c3")
        }

        func commit(_ name: String) throws {
            _ = try directory.write(name, name)
            try git("add", name)
            try git("-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-q", "-m", "subject \(name)")
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            let outcome = try repository.launcher.run("git", ["-C", directory.path] + arguments)
            struct Failed: Error {}
            guard outcome.succeeded else { throw Failed() }
            return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func hash(_ revision: String) throws -> String { try git("rev-parse", revision) }
    }

    @Test func theLineFollowsFirstParentsAndNamesTheMerge() throws {
        let repo = try Repository()
        let line = try repo.repository.firstParentLine(from: try repo.hash("main~3"), to: try repo.hash("main"))
        #expect(line.map(\.subject) == ["subject c0", "subject c1", "M", "subject c3"])
        let (first, last) = (try repo.hash("main~3"), try repo.hash("main"))
        #expect(line.first?.hash == first && line.last?.hash == last)
        #expect(line.allSatisfy { $0.authorDate.count >= 20 && $0.authorDate.hasPrefix("20") })
    }

    @Test func refusesWhatIsNoLine() throws {
        let repo = try Repository()
        let main = try repo.hash("main"), c0 = try repo.hash("main~3"), side = try repo.hash("side")
        #expect(throws: GitRepository.Failure.self) { try repo.repository.firstParentLine(from: main, to: main) }
        #expect(throws: GitRepository.Failure.self) { try repo.repository.firstParentLine(from: main, to: c0) }
        do {
            _ = try repo.repository.firstParentLine(from: side, to: main)
            Issue.record("a GOOD off the first-parent line was accepted")
        } catch let failure as GitRepository.Failure {
            #expect(failure.description.contains("is not on BAD's first-parent line"), "\(failure)")
        }
    }

    @Test func switchesAWorktree() throws {
        let repo = try Repository()
        let worktree = repo.directory.file("wt")
        try repo.repository.addWorktree(at: worktree, commit: try repo.hash("main~3"))
        defer { repo.repository.removeWorktree(at: worktree) }
        try repo.repository.switchWorktree(at: worktree, to: try repo.hash("main"))
        let main = try repo.hash("main")
        #expect(GitRepository.headCommit(in: worktree, launcher: repo.repository.launcher) == main)
        let none = String(repeating: "0", count: 40)
        #expect(throws: GitRepository.Failure.self) { try repo.repository.switchWorktree(at: worktree, to: none) }
    }
}
