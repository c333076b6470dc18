import BenchResults
import Testing
import TestSupport
@testable import GateCore

/// What CURRENT alone cannot say, made explicit against the baseline before comparing.
@Suite struct GateFormatsTests {
    let baseline = Fixture.file([
        Fixture.benchmark("a.Parse", ["allocs": Fixture.allocs([2])]),
        Fixture.benchmark("b.Render", ["allocs": Fixture.allocs([4])]),
        Fixture.benchmark("b.Layout", ["allocs": Fixture.allocs([1])]),
    ])

    @Test func aFailedPackageNamesItsBaselineBenchmarks() throws {
        let current = Fixture.file([
            Fixture.benchmark("a.Parse", ["allocs": Fixture.allocs([2])]),
            Fixture.benchmark("b.*", [:], status: .failed, message: "package b failed: FAIL b [build failed]"),
        ])
        let inputs = GateInputs(baseline: baseline, current: current)
        #expect(inputs.current.benchmarks.map(\.name) == ["a.Parse", "b.Render", "b.Layout"])
        #expect(inputs.current["b.Layout"]?.status == .failed)
        #expect(inputs.current["b.Layout"]?.message == "package b failed: FAIL b [build failed]")
        let report = try Fixture.compare(inputs.baseline, inputs.current)
        #expect(report.exitCode(policy: .report) == .regression)
        // Nothing of the package in the baseline: the package itself stays, failed.
        let unknown = Fixture.file([Fixture.benchmark("c.*", [:], status: .failed, message: "package c failed")])
        #expect(GateInputs(baseline: baseline, current: unknown).current.benchmarks.map(\.name) == ["c.*"])
        // A panic named the benchmark and everything else ran: nothing to add, the name suffices.
        let panicked = Fixture.file([
            Fixture.benchmark("a.Parse", ["allocs": Fixture.allocs([2])]),
            Fixture.benchmark("b.Render", ["allocs": Fixture.allocs([4])]),
            Fixture.benchmark("b.Layout", [:], status: .failed, message: "panicked"),
            Fixture.benchmark("b.*", [:], status: .failed, message: "package b failed"),
        ])
        #expect(GateInputs(baseline: baseline, current: panicked).current.benchmarks.map(\.name) == ["a.Parse", "b.Render", "b.Layout"])
    }

    @Test func memoryMetricsTheBaselineHasMustBeMeasured() {
        let current = Fixture.file([
            Fixture.benchmark("a.Parse", ["time": Fixture.time([5])]),
            Fixture.benchmark("b.Render", ["time": Fixture.time([5]), "bytes": Fixture.bytes([64])]),
            Fixture.benchmark("new", ["time": Fixture.time([5])]),
        ])
        let inputs = GateInputs(baseline: baseline, current: current)
        #expect(inputs.current["a.Parse"]?.status == .failed)
        #expect(inputs.current["a.Parse"]?.message?.contains("-benchmem") == true)
        #expect(inputs.current["b.Render"]?.status == .ok)  // bytes measured; allocs alone is a missing metric
        #expect(inputs.current["new"]?.status == .ok)
    }

    /// Files from the older reader named one package's benchmarks without it.
    @Test func legacySinglePackageNamesAreQualified() {
        var environment = Fixture.environment
        environment.extra = ["pkg": "a", "gomaxprocs": "8"]
        let legacy = Fixture.file([Fixture.benchmark("Parse", ["allocs": Fixture.allocs([2])])], environment: environment)
        let inputs = GateInputs(baseline: legacy, current: baseline)
        #expect(inputs.baseline.benchmarks.map(\.name) == ["a.Parse"])
        #expect(inputs.baseline.environment.extra == ["gomaxprocs": "8"])
        #expect(GateInputs(baseline: baseline, current: baseline).baseline == baseline)
    }
}
