import BenchResults
import Foundation
import Testing

/// Reference-counting traffic from first principles, in a release build, where the
/// optimizer has removed every retain it can prove redundant:
///
/// - `arc/copies=k` stores the same `Node` reference into k slots of an array it owns
///   uniquely: each store retains the stored reference (the array now holds one more
///   strong reference to it) and releases the reference it replaces (the same node, put
///   there by the previous op). So k retains and k releases per op, and no object.
/// - `arc/objects=3` stores 3 new nodes: each `Node()` is one object (`swift_allocObject`,
///   one malloc) that starts with its one strong reference, which the store takes over
///   (no retain); the node it replaces is released (and freed). So 0 retains, 3 releases,
///   3 objects and 3 allocations per op.
/// - `exact/empty`: the loop itself does no reference counting: 0, 0, 0.
/// - `arc/masked-strings` stores one node (1 retain, 1 release) and two small strings the
///   runtime skips (not counted): 1, 1, 0 (see `ARCInvisibilityTests`).
@Suite struct ARCCountTests {
    private func arcRun(executable: URL? = nil) throws -> ResultsFile {
        let run = try FixtureRun.run(["--filter", "^(arc|exact/empty$)", "--samples", "3", "--sample-time", "2ms"],
                                     executable: executable)
        #expect(run.exitStatus == 0, "\(run.standardError)")
        return try #require(run.results)
    }

    private func value(_ file: ResultsFile, _ benchmark: String, _ metric: MetricID) -> Double? {
        file[benchmark]?[metric]?.samples.first
    }

    @Test(.enabled(if: ReleaseFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    func releaseBuildCountsRetainsReleasesAndObjectsExactly() throws {
        let file = try arcRun(executable: try ReleaseFixture.build())
        #expect(file.environment.buildConfiguration == "release")
        expectCounts(file)
    }

    private func expectCounts(_ file: ResultsFile, sourceLocation: SourceLocation = #_sourceLocation) {
        for (benchmark, retains, releases, objects) in [
            ("arc/copies=3", 3.0, 3.0, 0.0), ("arc/copies=6", 6, 6, 0), ("arc/objects=3", 0, 3, 3), ("exact/empty", 0, 0, 0),
            ("arc/masked-strings", 1, 1, 0),
        ] {
            #expect(value(file, benchmark, .retains) == retains, "\(benchmark) retains", sourceLocation: sourceLocation)
            #expect(value(file, benchmark, .releases) == releases, "\(benchmark) releases", sourceLocation: sourceLocation)
            #expect(value(file, benchmark, .objects) == objects, "\(benchmark) objects", sourceLocation: sourceLocation)
        }
        #expect(file["arc/objects=3"]?[.allocs]?.samples.allSatisfy { $0 == 3 } == true, sourceLocation: sourceLocation)
        expectRetainSites(file, sourceLocation: sourceLocation)
    }

    /// The retain-site pass names the one place the copy fixtures retain: the benchmark's
    /// body, through `swift_retain`, k per op with nothing unattributed; the object fixture
    /// and the empty body retain nothing.
    private func expectRetainSites(_ file: ResultsFile, sourceLocation: SourceLocation) {
        for (benchmark, retains) in [("arc/copies=3", 3.0), ("arc/copies=6", 6)] {
            let profile = file[benchmark]?.retainSites
            #expect(profile?.sites.map(\.frames) == [["closure #1 in FixtureBenchmarks.registerARC(_:)"]],
                    "\(benchmark): \(profile?.sites ?? [])", sourceLocation: sourceLocation)
            #expect(profile?.sites.map(\.allocationsPerOp) == [retains] && profile?.sites.first?.via == "swift_retain",
                    "\(benchmark)", sourceLocation: sourceLocation)
            #expect(profile?.allocationsPerOp == retains && profile?.unattributedAllocationsPerOp == 0 && profile?.bytesPerOp == 0,
                    "\(benchmark)", sourceLocation: sourceLocation)
        }
        for benchmark in ["arc/objects=3", "exact/empty"] {
            #expect(file[benchmark]?.retainSites?.sites == [] && file[benchmark]?.retainSites?.allocationsPerOp == 0,
                    "\(benchmark)", sourceLocation: sourceLocation)
        }
        #expect(file["arc/off"]?.retainSites == nil, "no reference-counting pass, no retain sites", sourceLocation: sourceLocation)
    }

    /// The same counts in a debug build: the unoptimized store still retains the stored
    /// reference once (the copy it loads is consumed by the array) and releases the one it
    /// replaces; and the metrics are one exact value each.
    @Test func debugBuildCountsTheSame() throws {
        let file = try arcRun()
        expectCounts(file)
        for metric in [MetricID.retains, .releases, .objects] {
            let recorded = try #require(file["arc/copies=3"]?[metric])
            #expect(recorded.exact && recorded.samples.count == 1 && recorded.unit == metric.properties.unit)
        }
    }

    /// `countsARC: false` in the configuration, or `--no-arc` for the run, skips the pass.
    @Test func thePassCanBeTurnedOff() throws {
        let file = try arcRun()
        #expect(file["arc/off"]?[.retains] == nil)
        #expect(file["arc/off"]?[.time] != nil)
        let run = try FixtureRun.run(["--filter", "^arc/copies=3$", "--samples", "2", "--sample-time", "1ms", "--no-arc"])
        #expect(run.exitStatus == 0, "\(run.standardError)")
        #expect(run.results?["arc/copies=3"]?[.retains] == nil)
    }
}
