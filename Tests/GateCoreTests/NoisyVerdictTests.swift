import BenchResults
import Testing
import TestSupport
@testable import GateCore

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
