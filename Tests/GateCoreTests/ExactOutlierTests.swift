import BenchResults
import BenchStatistics
import Testing
import TestSupport
@testable import GateCore

/// The unstable exact rule with outlier samples: no single sample, in either file, in either
/// direction, decides a row (issue 21). Each case below passed, or failed, on the rule that
/// compared only the closest pair of samples (`min(current)` vs `max(baseline)`).
@Suite struct ExactOutlierTests {
    static func allocs(_ values: [Double]) -> Metric { Fixture.allocs(values) }
    static func verdict(_ before: [Double], _ after: [Double]) throws -> Verdict {
        try Fixture.verdict(allocs(before), allocs(after), metric: "allocs").verdict
    }
    static func ten(_ value: Double) -> [Double] { Array(repeating: value, count: 10) }

    /// json/encode 479 -> 10,000 allocs/op in 9 of 10 samples, the tenth at the baseline's
    /// value: the closest pair (479 vs 479) hid it.
    @Test func nineRegressedSamplesAndOneLowFail() throws {
        #expect(try Self.verdict(Self.ten(479), [479] + Array(repeating: 10_000, count: 9)) == .regression)
        #expect(try Self.verdict(Self.ten(479), [400, 450] + Array(repeating: 10_000, count: 8)) == .regression)
    }

    /// A first baseline sample carrying one-time lazy allocations (948) hid +98% (479 -> 948).
    @Test func oneBaselineOutlierDoesNotHideADoubling() throws {
        #expect(try Self.verdict([948] + Array(repeating: 479, count: 9), Self.ten(948)) == .regression)
        #expect(try Self.verdict([948, 1200] + Array(repeating: 479, count: 8), Self.ten(948)) == .regression)
    }

    /// The mirror images: one outlier cannot fail an unchanged count, nor make an improvement.
    @Test func oneOutlierDoesNotFailOrImproveUnchangedCounts() throws {
        let jittery: [Double] = [34, 34.1, 34, 34.5, 34, 34.2, 34.7, 34, 34.1, 34.3]
        #expect(try Self.verdict(jittery, [34_000] + jittery.dropFirst()) == .pass)
        #expect(try Self.verdict(jittery, [1] + jittery.dropFirst()) == .pass)
        #expect(try Self.verdict([34_000] + jittery.dropFirst(), jittery) == .pass)
        // Two outliers of ten are still not enough (k = 3 must move).
        #expect(try Self.verdict(jittery, [1, 2] + jittery.dropFirst(2)) == .pass)
    }

    /// A real improvement shown by all but one sample is still reported as one.
    @Test func oneOutlierDoesNotHideAnImprovement() throws {
        #expect(try Self.verdict(Self.ten(948), [948] + Array(repeating: 479, count: 9)) == .improvement)
    }

    /// Higher-is-better counts mirror it: one high sample does not hide a halving.
    @Test func higherIsBetterMirrors() throws {
        func hits(_ values: [Double]) -> Metric { Metric(unit: MetricUnit("hits/op"), better: .higher, exact: true, samples: values) }
        let row = try Fixture.verdict(hits(Self.ten(100)), hits([100] + Array(repeating: 50, count: 9)), metric: "hits")
        #expect(row.verdict == .regression)
    }

    /// Ten child tasks instead of eight on a run whose count landed low (allocs median under
    /// the 30% floor, as in the fresh-clone run of 2026-12-06 that passed): B/op moved by
    /// +25.6% against a between-process shift of at most +4.5%, and fails by its 10% floor.
    @Test func tenChildrenFailByBytesWhateverTheirCountDid() throws {
        let before = Fixture.bytes([11968, 11968, 11968, 11968, 11970.5, 11973.1, 11974.7, 11978.9, 11997.7, 12011.6])
        let after = Fixture.bytes([14853.1, 14854.7, 14974.5, 14981.4, 15001.6, 15061.1, 15064.1, 15218, 15265.5, 15336.8])
        let row = try Fixture.verdict(before, after, metric: "bytes")
        #expect(row.verdict == .regression)
        #expect(row.note.hasSuffix("and by medians with a 10% floor"))
        // An unchanged run in the upper mode (+4.5%) passes.
        let upperMode = Fixture.bytes([12503.7, 12505.2, 12508.4, 12510.5, 12514.9, 12517.9, 12521.9, 12522.6, 12525.7, 12530.1])
        #expect(try Fixture.verdict(before, upperMode, metric: "bytes").verdict == .pass)
        // The config's `unstableFloor` (or --unstable-floor) sets every metric's floor.
        var options = ComparisonOptions()
        options.unstableFloor = 0.3
        #expect(try Fixture.verdict(before, after, metric: "bytes", options: options).verdict == .pass)
    }

    @Test func trimmedRangeSetsAsideAQuarterOfTheSamples() {
        #expect((1...12).map { TrimmedRange.rank(count: $0) } == [1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4])
        #expect(TrimmedRange([479, 10_000, 10_000, 10_000]) == TrimmedRange(lower: 10_000, upper: 10_000, rank: 2))
        #expect(TrimmedRange((1...10).map(Double.init)) == TrimmedRange(lower: 3, upper: 8, rank: 3))
        #expect(TrimmedRange([5, 1]) == TrimmedRange(lower: 1, upper: 5, rank: 1))
        #expect(TrimmedRange([]) == nil)
    }
}
