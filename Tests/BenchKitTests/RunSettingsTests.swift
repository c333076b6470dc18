@testable import BenchKit
import Testing

@Suite struct RunSettingsTests {
    @Test func benchmarkConfigurationOverridesDefaults() {
        let settings = RunSettings()
        let plan = settings.plan(for: .init(samples: 20, sampleTime: .milliseconds(2)), budgetShare: nil)
        #expect(plan.samples == 20)
        #expect(plan.sampleNanoseconds == 2_000_000)
        #expect(settings.plan(for: .init(), budgetShare: nil).samples == 10)
    }

    @Test func commandLineOverridesBenchmarkConfiguration() {
        var settings = RunSettings()
        settings.samples = 5
        settings.explicitSamples = true
        #expect(settings.plan(for: .init(samples: 20), budgetShare: nil).samples == 5)
    }

    @Test func durationsConvertToSeconds() {
        #expect(Duration.milliseconds(1500).seconds == 1.5)
        #expect(Duration.microseconds(250).seconds == 0.00025)
        #expect(RunSettings().timeout(for: .init(timeout: .seconds(5))) == 5)
        // 10 samples + 1 warm-up + 2 for calibration + the reference-counting pass's at most 10
        // + 2 site passes of at most 3, of 10 ms.
        #expect(abs(RunSettings().expectedSeconds(for: .init()) - 0.29) < 1e-9)
    }

    @Test func invalidConfigurationsAreNamedNotTrapped() {
        #expect(RunSettings.problem(in: .init()) == nil)
        #expect(RunSettings.problem(in: .init(sampleTime: .zero))?.contains("sampleTime must be positive") == true)
        #expect(RunSettings.problem(in: .init(sampleTime: .milliseconds(-5)))?.contains("sampleTime") == true)
        #expect(RunSettings.problem(in: .init(timeout: .seconds(0)))?.contains("timeout") == true)
        #expect(RunSettings.problem(in: .init(samples: 0))?.contains("samples") == true)
        #expect(RunSettings.problem(in: .init(maxIterations: 0))?.contains("maxIterations") == true)
    }

    @Test func budgetShrinksSampleTimeNotSampleCount() {
        let settings = RunSettings()
        // 10 samples + 1 warm-up + ~2 for calibration + the reference-counting pass's at most
        // 10 + 2 site passes of at most 3 sample times = 29 sample times in three quarters of
        // the share: 0.116 s gives 3 ms samples.
        let plan = settings.plan(for: .init(), budgetShare: 0.116)
        #expect(plan.samples == 10)
        #expect(plan.sampleNanoseconds == 3_000_000)
        // Never below 0.5 ms, however small the share.
        #expect(settings.plan(for: .init(), budgetShare: 0).sampleNanoseconds == 500_000)
        // Without the passes, 13 sample times.
        var bare = settings
        bare.countsARC = false
        bare.siteIterations = 0
        #expect(bare.plan(for: .init(), budgetShare: 0.052).sampleNanoseconds == 3_000_000)
    }

    /// The passes count against the budget: a quarter of the share pays for recording stacks
    /// (at 6 µs an event), so the site passes' budgets shrink with it; no budget, no change.
    @Test(arguments: [(nil, 100_000), (1.0, 41_666), (0.1, 4_166), (0.0, 0), (100.0, 100_000)] as [(Double?, Int)])
    func budgetCapsTheSitePassesRecording(share: Double?, events: Int) {
        let plan = RunSettings().plan(for: .init(), budgetShare: share)
        #expect(plan.siteEventBudget == events)
        #expect(plan.recordingBudget(.retains) == Double(events) * 0.3)
    }

    /// N for the site pass records at most 100,000 allocations in its 3N iterations.
    @Test(arguments: [
        (10, 0.0, 10), (10, 511, 10),  // 3 × 10 × 511 = 15,330 recorded: under the budget
        (10, 10_000, 3),               // 100,000 / 30,000 = 3.3
        (10, 100_000, 1),              // 0.33 rounds down, but at least one iteration
        (10, 333_334, 0),              // 3 × 333,334 > 1,000,000: ten budgets, no pass
        (0, 5, 0), (4, 1, 4),
    ])
    func sitePassIterationsStayWithinTheBudget(wanted: Int, allocationsPerOp: Double, expected: Int) {
        #expect(SamplingPlan.siteIterations(wanted: wanted, eventsPerOp: allocationsPerOp) == expected)
    }

    /// The retain-site pass's smaller budget, 30,000 recorded retains.
    @Test(arguments: [
        (2_571.0, 3),    // json/decode: 30,000 / 7,713 = 3.9
        (1_000, 10),     // 30,000 / 3,000 = 10: exactly the wanted N
        (10_000, 1),     // 1 by the floor
        (100_001, 0),    // 300,003 > 300,000: ten budgets, no pass
    ])
    func retainSitePassHasItsOwnBudget(retainsPerOp: Double, expected: Int) {
        #expect(SamplingPlan.siteIterations(wanted: 10, eventsPerOp: retainsPerOp, budget: SamplingPlan.retainRecordingBudget) == expected)
    }
}
