import BenchResults
import BenchStatistics
import Foundation
import Testing
import TestSupport
@testable import GateCore

@Suite struct BaselineUpdateTests {
    let old = Fixture.file([
        Fixture.benchmark("a", ["allocs": Fixture.allocs([1])]),
        Fixture.benchmark("b", ["allocs": Fixture.allocs([2])]),
        Fixture.benchmark("c", ["allocs": Fixture.allocs([3])]),
    ])
    let new = Fixture.file([
        Fixture.benchmark("b", ["allocs": Fixture.allocs([20])]),
        Fixture.benchmark("c", [:], status: .crashed, message: "signal 6"),
        Fixture.benchmark("d", ["allocs": Fixture.allocs([4])]),
        Fixture.benchmark("e", [:], status: .timeout),
    ])

    @Test func mergeKeepsOthers() {
        let update = BaselineUpdate(baseline: old, current: new, prune: false)
        #expect(update.merged.benchmarks.map(\.name) == ["a", "b", "c", "d"])
        #expect(update.merged["b"]?[.allocs]?.samples == [20])
        #expect(update.merged["c"]?[.allocs]?.samples == [3])  // failed: old entry kept
        #expect(update.added == ["d"])
        #expect(update.updated == ["b"])
        #expect(update.kept == ["a"])
        #expect(update.notRecorded.map(\.name) == ["c", "e"])
    }

    @Test func prune() {
        let update = BaselineUpdate(baseline: old, current: new, prune: true)
        #expect(update.merged.benchmarks.map(\.name) == ["b", "c", "d"])
        #expect(update.pruned == ["a"])
    }

    /// Kept entries under a new environment are named in the summary, never silently relabelled.
    @Test func keptEntriesFromAnotherEnvironmentAreFlagged() {
        var otherMachine = Fixture.environment
        otherMachine.cores = (otherMachine.cores ?? 2) + 2
        otherMachine.swiftVersion = "5.10"
        let moved = Fixture.file(new.benchmarks, environment: otherMachine)
        let update = BaselineUpdate(baseline: old, current: moved, prune: false)
        #expect(update.keptFromOtherEnvironment == ["cores", "swiftVersion"])
        #expect(update.summary(baselinePath: "bl.json")
            .contains("note: entries kept from the old baseline were measured with another cores, swiftVersion;"))
        // Same environment, or nothing old kept: no note.
        #expect(BaselineUpdate(baseline: old, current: new, prune: false).keptFromOtherEnvironment.isEmpty)
        let replacedAll = Fixture.file(old.benchmarks, environment: otherMachine)
        let fresh = BaselineUpdate(baseline: old, current: replacedAll, prune: false)
        #expect(fresh.keptFromOtherEnvironment.isEmpty)
        #expect(!fresh.summary(baselinePath: "bl.json").contains("note:"))
    }

    @Test func noBaselineYet() {
        let update = BaselineUpdate(baseline: nil, current: new, prune: false)
        #expect(update.merged.benchmarks.map(\.name) == ["b", "d"])
        #expect(update.merged.environment == new.environment)
    }
}