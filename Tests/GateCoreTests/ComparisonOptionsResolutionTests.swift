import BenchResults
import Testing
@testable import GateCore

/// `ComparisonOptions(config:flags:mode:origin:)`: each setting from its flag, else the
/// config, else the built-in default; a config's "noisy" only for separately recorded runs.
@Suite struct ComparisonOptionsResolutionTests {
    func config(_ json: String) throws -> GateConfig {
        try GateConfig(json: Array(json.utf8), path: "memgate.json")
    }

    @Test func withNothingGivenTheBuiltInDefaultsApply() {
        let options = ComparisonOptions(config: GateConfig(), origin: .separate)
        #expect(options.alpha == GateDefaults.alpha)
        #expect(options.noisy == GateDefaults.noisy)
        #expect(options.noisyByMetric == GateDefaults.noisyByMetric)
        #expect(options.noisyIsDefault)
        #expect(!options.allowMissing)
        #expect(options.unstableFloor == nil)
        #expect(options.mode == .check)
    }

    @Test func theConfigBeatsTheDefaultsAndAFlagBeatsTheConfig() throws {
        let config = try config(#"{"alpha": 0.05, "unstableFloor": "20%", "noisy": "gate", "thresholds": {"time": "7%"}}"#)
        let fromConfig = ComparisonOptions(config: config, origin: .separate)
        #expect(fromConfig.alpha == 0.05)
        #expect(fromConfig.unstableFloor == 0.2)
        #expect(fromConfig.noisy == .gate && fromConfig.noisyByMetric.isEmpty && !fromConfig.noisyIsDefault)
        #expect(fromConfig.thresholds.threshold(benchmark: "b", metric: "time", exact: false) == (try Threshold(parsing: "7%")))

        var flags = ComparisonFlags()
        flags.alpha = 0.001
        flags.unstableFloor = 0.5
        flags.noisy = .report
        flags.thresholds = ["time": try Threshold(parsing: "3%")]
        let fromFlags = ComparisonOptions(config: config, flags: flags, mode: .compare, origin: .separate)
        #expect(fromFlags.alpha == 0.001)
        #expect(fromFlags.unstableFloor == 0.5)
        #expect(fromFlags.noisy == .report && fromFlags.noisyByMetric.isEmpty && !fromFlags.noisyIsDefault)
        #expect(fromFlags.thresholds.threshold(benchmark: "b", metric: "time", exact: false) == (try Threshold(parsing: "3%")))
        #expect(fromFlags.mode == .compare)
    }

    @Test func aConfigsNoisyMapAppliesToSeparateRunsOnly() throws {
        let config = try config(#"{"noisy": {"*": "report", "time": "gate"}}"#)
        let separate = ComparisonOptions(config: config, origin: .separate)
        #expect(separate.noisy == .report && separate.noisyByMetric == ["time": .gate] && !separate.noisyIsDefault)
        let interleaved = ComparisonOptions(config: config, origin: .interleaved)
        #expect(interleaved.noisy == .gate && interleaved.noisyByMetric.isEmpty && !interleaved.noisyIsDefault)
        var flags = ComparisonFlags()
        flags.noisy = .report
        #expect(ComparisonOptions(config: config, flags: flags, origin: .interleaved).noisy == .report)
    }

    @Test func allowMissingComesFromTheFlagOrTheConfig() throws {
        var flags = ComparisonFlags()
        flags.allowMissing = true
        #expect(ComparisonOptions(config: GateConfig(), flags: flags, origin: .separate).allowMissing)
        #expect(ComparisonOptions(config: try config(#"{"allowMissing": true}"#), origin: .separate).allowMissing)
        #expect(!ComparisonOptions(config: try config(#"{"allowMissing": false}"#), origin: .interleaved).allowMissing)
    }
}
