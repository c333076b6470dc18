import BenchResults
import Testing
@testable import GateCore
@testable import GateRunner
@testable import MemGateCLI

@Suite struct ExactVerdictTests {
    @Test func oneMoreAllocationFails() throws {
        let row = try Fixture.verdict(Fixture.allocs([3, 3, 3]), Fixture.allocs([4, 4, 4]), metric: "allocs")
        #expect(row.verdict == .regression)
        #expect(!row.unstable)
        #expect(row.threshold.text == "+0")
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
        #expect(try Fixture.verdict(Fixture.allocs([4, 7, 6]), Fixture.allocs([3, 4, 5]), metric: "allocs").verdict == .pass)
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
        #expect(row.note.hasSuffix("judged by range and by medians with a 30% floor"))
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

@Suite struct NoisyVerdictTests {
    @Test func withinThresholdPassesWithInterval() throws {
        let row = try Fixture.verdict(Fixture.time(Fixture.steady), Fixture.time(Fixture.scaled(Fixture.steady, 1.05)))
        #expect(row.verdict == .pass)
        #expect(row.plusMinus != nil)
        #expect(MetricFormat.plusMinus(row).hasPrefix("±"))
        #expect(row.pValue == nil)  // not in the Holm family
    }

    @Test func significantSlowdownRegresses() throws {
        let row = try Fixture.verdict(Fixture.time(Fixture.steady), Fixture.time(Fixture.scaled(Fixture.steady, 1.2)))
        #expect(row.verdict == .regression)
        #expect(row.pValue! < 0.01)
    }

    @Test func significantSpeedupImproves() throws {
        #expect(try Fixture.verdict(Fixture.time(Fixture.steady), Fixture.time(Fixture.scaled(Fixture.steady, 0.8))).verdict
            == .improvement)
    }

    @Test func beyondThresholdTooFewSamplesIsInconclusive() throws {
        let row = try Fixture.verdict(Fixture.time([100, 101, 99]), Fixture.time([120, 121, 119]))
        #expect(row.verdict == .inconclusive)
        #expect(row.samplesNeeded != nil && row.samplesNeeded! > 3)
        #expect(row.note.contains("needs ~\(row.samplesNeeded!) samples per side"))
    }

    @Test func beyondThresholdTooNoisyIsInconclusive() throws {
        let before: [Double] = [100, 60, 140, 80, 120, 95, 105, 70, 130, 100]
        let after: [Double] = [115, 75, 155, 95, 135, 110, 120, 85, 145, 112]
        let row = try Fixture.verdict(Fixture.time(before), Fixture.time(after))
        #expect(row.verdict == .inconclusive)
    }

    @Test func tooFewSamplesIsAWarningNotASilentPass() throws {
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time([100, 101])])]),
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time([102, 103])])]))
        let row = try #require(Fixture.row(report, "b", "time"))
        #expect(row.verdict == .pass)
        #expect(row.tooFewSamples)
        #expect(row.samplesNeeded == 5)
        #expect(row.note == "too few samples (2 vs 2) for any change to be significant at alpha=0.01; needs >= 5 per side")
        #expect(report.warnings == [
            "1 noisy comparison had too few samples for any change to be significant; record more samples (see the notes)",
        ])
        // Ten samples per side can reach alpha = 0.01: no warning.
        let enough = try Fixture.verdict(Fixture.time(Fixture.steady), Fixture.time(Fixture.steady))
        #expect(!enough.tooFewSamples)
    }

    @Test func notSignificantImprovementPasses() throws {
        let row = try Fixture.verdict(Fixture.time([120, 121, 119]), Fixture.time([100, 101, 99]))
        #expect(row.verdict == .pass)
        #expect(row.note.hasPrefix("maybe improved"))
    }

    @Test func fingerprintMismatchReportsNoisyOnly() throws {
        var other = Fixture.environment
        other.cores = 8
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time(Fixture.steady)])]),
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time(Fixture.scaled(Fixture.steady, 2))])], environment: other))
        #expect(Fixture.row(report, "b", "time")?.verdict == .reported)
        #expect(report.noisyNotGatedReason?.contains("cores") == true)
        #expect(report.outcome == .pass)
    }

    @Test func unknownInBothFilesIsNotAMismatch() {
        let go = Environment(os: "linux", arch: "amd64", cpuModel: "X")
        #expect(go.fingerprintMismatches(with: go).isEmpty)
        var other = go
        other.swiftVersion = "6.3"
        #expect(go.fingerprintMismatches(with: other) == ["swiftVersion"])
    }

    @Test func noisyReportPolicy() throws {
        let options = ComparisonOptions(noisy: .report)
        let report = try Fixture.compare(
            Fixture.file([Fixture.benchmark("b", ["time": Fixture.time(Fixture.steady), "allocs": Fixture.allocs([1])])]),
            Fixture.file([
                Fixture.benchmark("b", ["time": Fixture.time(Fixture.scaled(Fixture.steady, 2)), "allocs": Fixture.allocs([2])]),
            ]),
            options: options)
        #expect(Fixture.row(report, "b", "time")?.verdict == .reported)
        #expect(Fixture.row(report, "b", "allocs")?.verdict == .regression)
        #expect(report.noisyNotGatedReason?.hasPrefix("noisy metrics set to report") == true)
    }

    /// `"noisy": {"*": "report", "peakRSS": "gate"}`: peak RSS gated, time only shown,
    /// and nothing noisy gated once the fingerprints differ.
    @Test func perMetricNoisyPolicy() throws {
        func rss(_ mebibytes: Double) -> Metric {
            Metric(unit: .bytes, samples: Fixture.scaled(Fixture.steady, mebibytes * 1024 * 1024 / 100))
        }
        let base = Fixture.file([Fixture.benchmark("b", ["time": Fixture.time(Fixture.steady), "peakRSS": rss(100)])])
        var bigger = Fixture.benchmark("b", ["time": Fixture.time(Fixture.scaled(Fixture.steady, 2)), "peakRSS": rss(150)])
        let options = { () -> ComparisonOptions in
            var options = ComparisonOptions(noisy: .report)
            options.noisyByMetric = ["peakRSS": .gate]
            return options
        }()
        let report = try Fixture.compare(base, Fixture.file([bigger]), options: options)
        #expect(Fixture.row(report, "b", "time")?.verdict == .reported)
        #expect(Fixture.row(report, "b", "peakRSS")?.verdict == .regression)
        #expect(report.noisyGated)
        #expect(report.noisyNotGatedReason
            == #"noisy metrics other than peakRSS set to report (the config's "noisy"): those are shown, not gated"#)
        #expect(report.outcome == .regression)

        var other = Fixture.environment
        other.cores = 8
        let elsewhere = try Fixture.compare(base, Fixture.file([bigger], environment: other), options: options)
        #expect(Fixture.row(elsewhere, "b", "peakRSS")?.verdict == .reported)
        #expect(!elsewhere.noisyGated)
        #expect(elsewhere.noisyNotGatedReason?.hasPrefix("environments differ (cores)") == true)

        // The mirror: gate by default, one metric only reported.
        var mirror = ComparisonOptions()
        mirror.noisyByMetric = ["time": .report]
        bigger.metrics["peakRSS"] = rss(100)
        let mirrored = try Fixture.compare(base, Fixture.file([bigger]), options: mirror)
        #expect(Fixture.row(mirrored, "b", "time")?.verdict == .reported)
        #expect(mirrored.noisyNotGatedReason == #"noisy metrics time set to report (the config's "noisy"): shown, not gated"#)
        #expect(mirrored.outcome == .pass)
    }

    /// The report describes what was compared, not only the policy: a gated metric that
    /// neither file has does not make `noisyGated` true.
    @Test func noisyGatingDescribesTheComparedMetrics() {
        var options = ComparisonOptions(noisy: .report)
        options.noisyByMetric = ["peakRSS": .gate, "time": .report]
        let timeOnly = Comparison.noisyGating(noisyMetrics: ["time"], mismatches: [], options: options)
        #expect(!timeOnly.gated)
        #expect(timeOnly.reason?.hasPrefix("noisy metrics set to report") == true)
        let both = Comparison.noisyGating(noisyMetrics: ["time", "peakRSS"], mismatches: [], options: options)
        #expect(both.gated)
        #expect(both.reason?.hasPrefix("noisy metrics other than peakRSS set to report") == true)
        let elsewhere = Comparison.noisyGating(noisyMetrics: ["time", "peakRSS"], mismatches: ["cores"], options: options)
        #expect(!elsewhere.gated)
        #expect(elsewhere.reason?.hasPrefix("environments differ (cores)") == true)
        // An exception equal to the default changes nothing.
        var same = ComparisonOptions(noisy: .gate)
        same.noisyByMetric = ["time": .gate]
        #expect(Comparison.noisyGating(noisyMetrics: ["time"], mismatches: [], options: same) == (true, nil))
        #expect(Comparison.noisyGating(noisyMetrics: [], mismatches: [], options: same) == (false, nil))
        // --noisy report (no exceptions) whatever the files hold.
        #expect(Comparison.noisyGating(noisyMetrics: ["time"], mismatches: [], options: ComparisonOptions(noisy: .report)).gated == false)
    }

    @Test func holmFamilyIsOnlyBeyondThreshold() throws {
        var before: [BenchmarkResult] = []
        var after: [BenchmarkResult] = []
        for i in 0..<30 {
            before.append(Fixture.benchmark("b\(i)", ["time": Fixture.time(Fixture.steady)]))
            let factor = i < 2 ? 1.3 : 1.01
            after.append(Fixture.benchmark("b\(i)", ["time": Fixture.time(Fixture.scaled(Fixture.steady, factor))]))
        }
        let report = try Fixture.compare(Fixture.file(before), Fixture.file(after))
        #expect(report.familySize == 2)
        #expect(report.counts.regressions == 2)
        #expect(report.counts.passed == 28)
    }

    @Test func higherIsBetterThroughput() throws {
        let before = Metric(unit: .bytesPerSecond, better: .higher, samples: Fixture.steady)
        let after = Metric(unit: .bytesPerSecond, better: .higher, samples: Fixture.scaled(Fixture.steady, 0.7))
        #expect(try Fixture.verdict(before, after, metric: "throughput").verdict == .regression)
    }

    @Test func absoluteThresholdUnitMismatchForCustomMetricThrows() {
        let options = ComparisonOptions(thresholds: ThresholdPolicy(overrides: [
            "hits": Threshold(fraction: nil, amount: 1024, amountUnit: .bytes, isOff: false, text: "+1KiB"),
        ]))
        let metric = Metric(unit: MetricUnit("hits/op"), samples: [1])
        #expect(throws: ThresholdError.self) { try Fixture.verdict(metric, metric, metric: "hits", options: options) }
    }

    @Test func unitChangeIsReportedNotCompared() throws {
        let row = try Fixture.verdict(
            Metric(unit: MetricUnit("ms"), samples: [1]), Metric(unit: MetricUnit("ns"), samples: [1000]), metric: "lat")
        #expect(row.verdict == .reported)
        #expect(row.note.hasPrefix("units differ"))
    }
}

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
