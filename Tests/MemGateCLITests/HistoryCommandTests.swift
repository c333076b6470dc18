import Testing
@testable import MemGateCLI

/// The pure part of `memgate history append`: where the commit comes from (the show table is
/// GateCore's: HistoryTableTests).
@Suite struct HistoryCommandTests {
    @Test func theCommitIsExplicitThenGitThenGitHubThenEmpty() {
        func check(
            _ explicit: String?, _ head: String?, _ sha: String?, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
        ) {
            let environment = sha.map { ["GITHUB_SHA": $0] } ?? [:]
            #expect(HistoryAppendCommand.commit(explicit: explicit, environment: environment) { head } == expected,
                    sourceLocation: sourceLocation)
        }
        check("v1.2", "aaaa", "bbbb", "v1.2")
        check(nil, "aaaa", "bbbb", "aaaa")
        check(nil, nil, "bbbb", "bbbb")
        check(nil, nil, "b b", "")  // not storable: ignored
        check(nil, nil, nil, "")
    }

    @Test func gitIsNotAskedWhenTheCommitIsGiven() {
        var asked = false
        _ = HistoryAppendCommand.commit(explicit: "x", environment: [:]) { asked = true; return nil }
        #expect(!asked)
    }
}
