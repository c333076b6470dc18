import BenchResults
import Testing
import TestSupport
@testable import GateCore

@Suite struct ExactVerdictTests {
    @Test func oneMoreAllocationFails() throws {
        let row = try Fixture.verdict(Fixture.allocs([3, 3, 3]), Fixture.allocs([4, 4, 4]), metric: "allocs")
        #expect(row.verdict == .regression)
        #expect(!row.unstable)
        #expect(row.threshold.text == "+0")
    }

    /// ARC traffic is gated like allocations: a refactor that doubles the retains per op
    /// (3 -> 6, as `arc/copies=3` and `arc/copies=6` measure) fails; so does one more object.
    @Test func doubledRetainsAndOneMoreObjectFail() throws {
        func arc(_ id: MetricID, _ value: Double) -> Metric { Metric(unit: id.properties.unit!, exact: true, samples: [value]) }
        let retains = try Fixture.verdict(arc(.retains, 3), arc(.retains, 6), metric: "retains")
        #expect(retains.verdict == .regression)
        #expect(MetricFormat.change(retains) == "+100%")
        #expect(try Fixture.verdict(arc(.retains, 3), arc(.retains, 3), metric: "retains").verdict == .pass)
        #expect(try Fixture.verdict(arc(.objects, 3), arc(.objects, 4), metric: "objects").verdict == .regression)
        #expect(try Fixture.verdict(arc(.releases, 3), arc(.releases, 6), metric: "releases").verdict == .reported)
    }

    @Test func sameAllocationsPass() throws {
        #expect(try Fixture.verdict(Fixture.allocs([3, 3]), Fixture.allocs([3, 3]), metric: "allocs").verdict == .pass)
    }

    @Test func fewerAllocationsImprove() throws {
        #expect(try Fixture.verdict(Fixture.allocs([3, 3]), Fixture.allocs([2, 2]), metric: "allocs").verdict == .improvement)
    }

    @Test func bytesWithinFivePercentPass() throws {
        #expect(try Fixture.verdict(Fixture.bytes([1000]), Fixture.bytes([1050]), metric: "bytes").verdict == .pass)
        #expect(try Fixture.verdict(Fixture.bytes([1000]), Fixture.bytes([1060]), metric: "bytes").verdict == .regression)
    }

    @Test func allocationsFromZero() throws {
        let row = try Fixture.verdict(Fixture.allocs([0, 0]), Fixture.allocs([1, 1]), metric: "allocs")
        #expect(row.verdict == .regression)
        #expect(row.change == nil)
        #expect(MetricFormat.change(row) == "+1 allocs/op")
    }

    @Test func unstableJitterDoesNotFail() throws {
        // An async workload: counts wobble within each file, same range.
        let row = try Fixture.verdict(Fixture.allocs([3, 4, 3, 5, 3]), Fixture.allocs([3, 5, 4, 3, 4]), metric: "allocs")
        #expect(row.unstable)
        #expect(row.verdict == .pass)
        #expect(row.note.hasPrefix("unstable: baseline 3–5 allocs/op, current 3–5 allocs/op"))
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["allocs": Fixture.allocs([3, 4, 3, 5, 3])])]),
            Fixture.file([Fixture.benchmark("b", ["allocs": Fixture.allocs([3, 5, 4, 3, 4])])]))
        #expect(report.summaryLine == "PASS: 1 ok, 1 unstable exact metric (1 benchmark)")
    }

    @Test func unstableMedianShiftWithinJitterDoesNotFail() throws {
        // Medians 3 -> 4, but the ranges overlap: not counted.
        let row = try Fixture.verdict(Fixture.allocs([3, 3, 3, 4, 5]), Fixture.allocs([4, 4, 4, 3, 5]), metric: "allocs")
        #expect(row.unstable)
        #expect(row.verdict == .pass)
    }

    @Test func unstableButClearlyWorseFails() throws {
        // current.min (6) - baseline.max (5) = +1 > +0.
        let row = try Fixture.verdict(Fixture.allocs([3, 4, 5]), Fixture.allocs([6, 7, 6]), metric: "allocs")
        #expect(row.unstable)
        #expect(row.verdict == .regression)
    }

    @Test func unstableImprovementIsSymmetric() throws {
        #expect(try Fixture.verdict(Fixture.allocs([6, 7, 6]), Fixture.allocs([3, 4, 5]), metric: "allocs").verdict == .improvement)
        // The ranges overlap by two samples of three (one alone, as in [4, 7, 6], decides nothing).
        #expect(try Fixture.verdict(Fixture.allocs([4, 4, 6]), Fixture.allocs([3, 4, 5]), metric: "allocs").verdict == .pass)
    }

    @Test func unstableHigherIsBetter() throws {
        let before = Metric(unit: MetricUnit("hits/op"), better: .higher, exact: true, samples: [10, 11, 12])
        let worse = Metric(unit: MetricUnit("hits/op"), better: .higher, exact: true, samples: [6, 7, 8])
        let overlapping = Metric(unit: MetricUnit("hits/op"), better: .higher, exact: true, samples: [9, 10, 12])
        #expect(try Fixture.verdict(before, worse, metric: "hits").verdict == .regression)
        #expect(try Fixture.verdict(before, overlapping, metric: "hits").verdict == .pass)
    }

    @Test func unstableWholeDistributionShiftWithinTheFloorPasses() throws {
        // The task-group workload on one AMD EPYC machine: the baseline's process at
        // 34-34.7 allocs/op, a later `memgate run`'s at 35.4-39.1 (median +10.3%). Every
        // current sample is above every baseline sample, but the medians moved by less
        // than the 30% floor: a shift between processes, not a change in the code.
        let baseline = Fixture.allocs([34, 34.1, 34, 34.46, 34.04, 34, 34.17, 34.08, 34.68, 34])
        let current = Fixture.allocs([38.79, 38.53, 37.49, 39.1, 35.69, 37.67, 37.93, 35.91, 35.38, 35.71])
        let row = try Fixture.verdict(baseline, current, metric: "allocs")
        #expect(row.unstable)
        #expect(row.verdict == .pass)
        #expect(row.note.hasSuffix("judged by the ranges trimmed by 2 samples at each end (34–34.2 allocs/op, "
            + "35.7–38.5 allocs/op) and by medians with a 30% floor"))
        // A lower floor makes the same shift a regression; two more child tasks (42.7-48.3,
        // median +36.8%) fail at the default. The same 8 children on a CPU-contended machine
        // (42.4-42.8, +25.1%) pass.
        var options = ComparisonOptions()
        options.unstableFloor = 0.05
        #expect(try Fixture.verdict(baseline, current, metric: "allocs", options: options).verdict == .regression)
        let tenChildren = Fixture.allocs([46.6, 42.7, 48.3, 46.9, 45.1, 47.2, 46.0, 44.8, 47.7, 46.5])
        #expect(try Fixture.verdict(baseline, tenChildren, metric: "allocs").verdict == .regression)
        let contended = Fixture.allocs([42.37, 42.48, 42.39, 42.71, 42.59, 42.55, 42.65, 42.44, 42.78, 42.67])
        #expect(try Fixture.verdict(baseline, contended, metric: "allocs").verdict == .pass)
    }

    @Test func unstableFloorKeepsTheThresholdsAbsolutePart() {
        #expect(Threshold.absolute(0).widened(toFraction: 0.2).text == "20% +0")
        #expect(Threshold.percent(30).widened(toFraction: 0.2) == .percent(30))
        #expect(Threshold.off.widened(toFraction: 0.2) == .off)
        // Both parts must be exceeded: +2 and 20% of the baseline.
        let widened = Threshold.absolute(2).widened(toFraction: 0.2)
        #expect(widened.isExceeded(from: 5, to: 7.5, better: .lower))     // +2.5 > 2 and > 1
        #expect(!widened.isExceeded(from: 5, to: 6.5, better: .lower))    // +1.5 < 2
        #expect(!widened.isExceeded(from: 20, to: 23, better: .lower))    // +3 > 2 but < 4
    }

    @Test func exactMetricsGateAcrossMachines() throws {
        var other = Fixture.environment
        other.cpuModel = "Other CPU"
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["allocs": Fixture.allocs([3])])]),
            Fixture.file([Fixture.benchmark("b", ["allocs": Fixture.allocs([4])])], environment: other))
        #expect(Fixture.row(report, "b", "allocs")?.verdict == .regression)
        #expect(!report.noisyGated)
    }

    @Test func offReportsOnly() throws {
        let options = ComparisonOptions(thresholds: ThresholdPolicy(overrides: ["allocs": .off]))
        #expect(try Fixture.verdict(Fixture.allocs([3]), Fixture.allocs([40]), metric: "allocs", options: options).verdict == .reported)
    }
}
