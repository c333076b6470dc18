import BenchResults
import Foundation
import Testing

/// Allocation counts from first principles: the fixtures make a known number of raw
/// allocations of a known size per op (UnsafeMutableRawPointer.allocate is one malloc).
@Suite struct ExactCountTests {
    static let k = 3.0, size = 48.0

    private func exactRun(executable: URL? = nil) throws -> ResultsFile {
        let run = try FixtureRun.run(["--filter", "^exact/", "--samples", "5", "--sample-time", "2ms"], executable: executable)
        #expect(run.exitStatus == 0, "\(run.standardError)")
        return try #require(run.results)
    }

    /// Every sample of `metric` equals `value`.
    private func expectEvery(_ file: ResultsFile, _ benchmark: String, _ metric: MetricID, _ value: Double,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let samples = file[benchmark]?[metric]?.samples ?? []
        #expect(!samples.isEmpty, "\(benchmark) has no \(metric.rawValue)", sourceLocation: sourceLocation)
        #expect(samples.allSatisfy { $0 == value }, "\(benchmark) \(metric.rawValue): \(samples)", sourceLocation: sourceLocation)
    }

    private func checkExactness(_ file: ResultsFile) {
        expectEvery(file, "exact/empty", .allocs, 0)
        expectEvery(file, "exact/empty", .bytes, 0)
        expectEvery(file, "exact/raw-k=3-s=48", .allocs, Self.k)
        expectEvery(file, "exact/raw-k=3-s=48", .bytes, Self.k * Self.size)
        expectEvery(file, "exact/raw-k=3-s=48", .frees, Self.k)
        expectEvery(file, "exact/raw-k=3-s=48", .retained, 0)
        // The 1,000 setup allocations are not charged to the loop.
        expectEvery(file, "exact/setup-excluded", .allocs, Self.k)
        expectEvery(file, "exact/setup-excluded", .bytes, Self.k * Self.size)
        // Two worker threads each make k allocations per op.
        expectEvery(file, "exact/threads=2", .allocs, 2 * Self.k)
        expectEvery(file, "exact/threads=2", .bytes, 2 * Self.k * Self.size)
        // maxIterations bounds every sample, however cheap the body.
        let capped = file["exact/capped"]?.iterations ?? []
        #expect(!capped.isEmpty && capped.allSatisfy { $0 <= 100 }, "\(capped)")
    }

    @Test func debugBuildCountsExactly() throws {
        checkExactness(try exactRun())
    }

    @Test func childTasksAddExactlyTheirAllocations() throws {
        try checkChildTasks(try exactRun())
    }

    private func checkChildTasks(_ file: ResultsFile) throws {
        // A task group's own allocations are whatever the runtime needs; the 4 children's
        // k allocations each must add exactly 4k per op and 4k * 48 bytes on top.
        let without = try #require(file["exact/tasks=4-k=0"])
        let with = try #require(file["exact/tasks=4-k=3"])
        let allocs = zip(with[.allocs]!.samples, without[.allocs]!.samples).map { $0 - $1 }
        let bytes = zip(with[.bytes]!.samples, without[.bytes]!.samples).map { $0 - $1 }
        #expect(allocs.allSatisfy { $0 == 4 * Self.k }, "\(allocs)")
        #expect(bytes.allSatisfy { $0 == 4 * Self.k * Self.size }, "\(bytes)")
    }

    @Test(.enabled(if: ReleaseFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    func releaseBuildCountsExactly() throws {
        let executable = try ReleaseFixture.build()
        let file = try exactRun(executable: executable)
        #expect(file.environment.buildConfiguration == "release")
        checkExactness(file)
        try checkChildTasks(file)
    }
}
