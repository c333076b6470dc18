import BenchResults
import Testing
import TestSupport
@testable import GateCore

@Suite struct BenchmarkLevelTests {
    let before = Fixture.file([
        Fixture.benchmark("kept", ["allocs": Fixture.allocs([1]), "bytes": Fixture.bytes([64])]),
        Fixture.benchmark("removed", ["allocs": Fixture.allocs([1])]),
        Fixture.benchmark("crashes", ["allocs": Fixture.allocs([1])]),
        Fixture.benchmark("was-broken", [:], status: .failed, message: "oops"),
    ])
    let after = Fixture.file([
        Fixture.benchmark("kept", ["allocs": Fixture.allocs([1]), "frees": Fixture.allocs([1])]),
        Fixture.benchmark("added", ["allocs": Fixture.allocs([1])]),
        Fixture.benchmark("crashes", [:], status: .crashed, message: "signal 11"),
        Fixture.benchmark("was-broken", ["allocs": Fixture.allocs([1])]),
    ])

    @Test func presences() throws {
        let report = try Fixture.compare(before, after)
        let presence = Dictionary(uniqueKeysWithValues: report.benchmarks.map { ($0.name, $0.presence) })
        #expect(presence == ["kept": .compared, "added": .added, "removed": .removed, "crashes": .failed, "was-broken": .baselineFailed])
        #expect(report.benchmarks.first { $0.name == "crashes" }?.message == "signal 11")
        #expect(report.outcome == .regression)
        #expect(report.exitCode(policy: .pass) == .regression)
    }

    @Test func missingAndNewMetrics() throws {
        let report = try Fixture.compare(before, after)
        #expect(Fixture.row(report, "kept", "bytes")?.verdict == .missing)
        #expect(Fixture.row(report, "kept", "frees")?.verdict == .added)
        #expect(report.counts.missing == 1)
    }

    /// A completed benchmark that says why it left metrics out (BenchKit's reference-counting
    /// pass on another path) still fails on them, and the missing rows carry the reason.
    @Test func aMissingMetricCarriesTheBenchmarksReason() throws {
        let why = "the reference-counting pass took another path than the samples"
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("d", ["allocs": Fixture.allocs([445]), "objects": Fixture.allocs([445])])]),
            Fixture.file([Fixture.benchmark("d", ["allocs": Fixture.allocs([445])], message: why)]))
        let row = Fixture.row(report, "d", "objects")
        #expect(row?.verdict == .missing)
        #expect(row?.note == "in the baseline but not recorded in current; " + why)
        #expect(Fixture.row(report, "d", "allocs")?.note.isEmpty == true)
        #expect(report.outcome == .regression)
    }

    @Test func timeoutInCurrentFails() throws {
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("t", ["allocs": Fixture.allocs([1])])]),
            Fixture.file([Fixture.benchmark("t", [:], status: .timeout)]))
        #expect(report.outcome == .regression)
    }

    @Test func compareNeverFails() throws {
        let report = try Fixture.compare(before, after, options: ComparisonOptions(mode: .compare))
        #expect(report.outcome == .regression)
        #expect(report.exitCode(policy: .fail) == .pass)
    }

    @Test func inconclusivePolicies() throws {
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time([100, 101, 99])])]),
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time([120, 121, 119])])]))
        #expect(report.outcome == .inconclusive)
        #expect(report.exitCode(policy: .report) == .inconclusive)
        #expect(report.exitCode(policy: .pass) == .pass)
        #expect(report.exitCode(policy: .fail) == .regression)
    }

    @Test func debugBuildsAreFlagged() throws {
        var debug = Fixture.environment
        debug.buildConfiguration = "debug"
        let report = try Fixture.compare(Fixture.file([], environment: debug), Fixture.file([]))
        #expect(report.debugBuilds == ["baseline"])
        #expect(report.warnings.first?.hasPrefix("DEBUG BUILD") == true)
        #expect(report.noisyNotGatedReason?.contains("buildConfiguration") == true)
    }
}
