import Testing
@testable import GateRunner

/// `GitRevision` and `SideCheckout`, the pure parts of `memgate refs`' git work: which revisions
/// it accepts, how it reads `git rev-parse`, how a side is labelled.
@Suite struct RefsRevisionTests {
    @Test func acceptsOrdinaryRevisions() throws {
        for revision in ["main", "origin/main", "v1.2.0", "HEAD~2", "a1b2c3d", "feature/x^{commit}", "@{u}"] {
            try GitRevision.check(revision)
        }
    }

    @Test func refusesWhatIsNotARevision() {
        func refused(_ revision: String, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: GitRevision.Problem(revision: revision, reason: reason), sourceLocation: sourceLocation) {
                try GitRevision.check(revision)
            }
        }
        refused("", "it is empty")
        refused("--upload-pack=x", "it starts with '-' (git would read an option)")
        refused("-", "it starts with '-' (git would read an option)")
        refused("main\nHEAD", "it contains a control character")
        refused("a\u{0}b", "it contains a control character")
    }

    @Test func revParseArgumentsPeelToACommit() {
        #expect(GitRevision.revParseArguments("v1") == ["rev-parse", "--verify", "--quiet", "v1^{commit}"])
        #expect(GitRevision.revParseCommand("v1") == "git rev-parse --verify --quiet v1^{commit}")
    }

    @Test func parsesRevParseOutput() {
        let sha1 = String(repeating: "a1", count: 20)
        let sha256 = String(repeating: "0f", count: 32)
        #expect(GitRevision.commit(fromRevParse: sha1 + "\n") == sha1)
        #expect(GitRevision.commit(fromRevParse: "  \(sha256)\n") == sha256)
        #expect(GitRevision.commit(fromRevParse: "") == nil)
        #expect(GitRevision.commit(fromRevParse: "fatal: bad revision") == nil)
        #expect(GitRevision.commit(fromRevParse: String(sha1.dropLast())) == nil)
        #expect(GitRevision.commit(fromRevParse: sha1.uppercased()) == nil)
        #expect(GitRevision.commit(fromRevParse: sha1 + "\n" + sha1) == nil)
        #expect(GitRevision.short(sha1) == "a1a1a1a1a1")
    }

    @Test func labelsNameRevisionAndCommit() {
        let commit = String(repeating: "ab", count: 20)
        func checkout(_ revision: String?, _ commit: String?, dirty: Bool = false) -> SideCheckout {
            SideCheckout(side: .head, revision: revision, commit: commit, dirty: dirty, packagePath: "/p", scratchPath: "/s")
        }
        #expect(checkout("origin/main", commit).label == "origin/main (ababababab)")
        #expect(checkout(nil, commit).label == "working tree (ababababab)")
        #expect(checkout(nil, commit, dirty: true).label == "working tree (ababababab + uncommitted changes)")
        #expect(checkout(nil, nil).label == "working tree")
    }
}
