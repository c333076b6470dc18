import BenchResults
import Testing
@testable import GateCore

/// `MetricID.properties` is the one table of what is fixed about a built-in metric; the
/// gate's defaults and unit checks are read from it. These are the values docs/thresholds.md
/// documents, written out by hand.
@Suite struct MetricTableTests {
    @Test func defaultThresholdsAreTheDocumentedOnes() {
        let expected: [MetricID: Threshold] = [
            .allocs: .absolute(0), .bytes: .percent(5), .time: .percent(10), .cpu: .percent(10),
            .p50: .percent(10), .p90: .percent(15), .p99: .percent(25), .throughput: .percent(10),
            .p999: .off, .max: .off, .frees: .off, .retained: .off, .rssGrowth: .off, .instructions: .off,
            .retains: .absolute(0), .objects: .absolute(0), .releases: .off,
            .peakRSS: Threshold(fraction: 0.1, amount: 1_048_576, amountUnit: .bytes, isOff: false, text: "10% +1MiB"),
        ]
        #expect(ThresholdDefaults.builtIn == expected)
    }

    @Test func exactnessDirectionAndQuantiles() {
        #expect(MetricID.allCases.filter(\.isExact) == [.allocs, .bytes, .frees, .retained, .retains, .releases, .objects])
        #expect(MetricID.allCases.filter { $0.properties.better == .higher } == [.throughput])
        #expect(MetricID.latencyQuantiles.map(\.quantileProbability) == [0.5, 0.9, 0.99, 0.999, 1])
        #expect(MetricID.allCases.filter { $0.quantileProbability != nil } == MetricID.latencyQuantiles)
    }

    @Test func unitScalesDecideWhichAbsoluteThresholdsApply() throws {
        #expect(ThresholdDefaults.unitScale(of: "time") == .time)
        #expect(ThresholdDefaults.unitScale(of: "p99") == .time)
        #expect(ThresholdDefaults.unitScale(of: "peakRSS") == .binaryBytes)
        #expect(ThresholdDefaults.unitScale(of: "bytes") == .binaryBytes)
        #expect(ThresholdDefaults.unitScale(of: "allocs") == .decimal)
        #expect(ThresholdDefaults.unitScale(of: "throughput") == nil)
        #expect(ThresholdDefaults.unitScale(of: "hits") == nil)
        #expect(throws: ThresholdError.self) { try ThresholdDefaults.checkUnit(Threshold(parsing: "+1MiB"), metric: "time") }
        #expect(throws: ThresholdError.self) { try ThresholdDefaults.checkUnit(Threshold(parsing: "+5ms"), metric: "allocs") }
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+5ms"), metric: "p99")
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+1MiB"), metric: "peakRSS")
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+2"), metric: "allocs")
    }
}
