import BenchResults
import Foundation
import Testing

/// The reference-counting pass must not change what the program does (issue: a SwiftNIO
/// HTTP workload crashed in the pass). `arc/masked-strings` (FixtureBenchmarks) stores, per
/// op, one `Node` and two small strings whose bits, masked the way Swift 6.3.1's retain
/// adapter masks them, are the address of a live object and an address inside a fresh
/// anonymous mapping. The runtime itself skips those strings (their word is negative), so
/// with the pass invisible:
///
/// - `disturbed` is 0: the object's header (metadata, reference counts) and every word of the
///   mapping are as the setup left them after every pass has run;
/// - retains and releases are 1 per op each (the node, stored over itself), objects 0: the
///   strings are not counted, because the runtime does nothing for them.
///
/// On the guard that forwarded masked values that looked like addresses (ff9a825), the same
/// run gave `disturbed` 2 and 3 retains per op.
@Suite struct ARCInvisibilityTests {
    private func run(executable: URL? = nil) throws -> ResultsFile {
        let run = try FixtureRun.run(["--filter", "^arc/masked-strings$", "--samples", "3", "--sample-time", "2ms"],
                                     executable: executable)
        #expect(run.exitStatus == 0, "\(run.standardError)")
        return try #require(run.results)
    }

    private func expectUndisturbed(_ file: ResultsFile, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = file["arc/masked-strings"]
        #expect(result?.status == .ok, sourceLocation: sourceLocation)
        #expect(result?.metrics["disturbed"]?.samples == [0], "words changed by the pass", sourceLocation: sourceLocation)
        #expect(result?[.retains]?.samples == [1], sourceLocation: sourceLocation)
        #expect(result?[.releases]?.samples == [1], sourceLocation: sourceLocation)
        #expect(result?[.objects]?.samples == [0], sourceLocation: sourceLocation)
        #expect(result?.retainSites?.sites.first?.via == "swift_retain", sourceLocation: sourceLocation)
    }

    @Test func debugBuildLeavesMemoryAlone() throws {
        expectUndisturbed(try run())
    }

    @Test(.enabled(if: ReleaseFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    func releaseBuildLeavesMemoryAlone() throws {
        expectUndisturbed(try run(executable: try ReleaseFixture.build()))
    }
}
