@testable import BenchKit
import Testing

@Suite struct IterationPredictorTests {
    private func check(
        target: UInt64, previous: Int, elapsed: UInt64, maximum: Int = 1_000_000_000, expect expected: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let predicted = predictIterations(
            targetNanoseconds: target, previousIterations: previous, previousNanoseconds: elapsed, maximum: maximum)
        #expect(predicted == expected, sourceLocation: sourceLocation)
    }

    @Test func predictions() {
        // 1 iteration took 1 ms; the target is 10 ms: 10 * 1.2 = 12.
        check(target: 10_000_000, previous: 1, elapsed: 1_000_000, expect: 12)
        // Growth is capped at 100x per step.
        check(target: 10_000_000, previous: 10, elapsed: 100, expect: 1_000)
        // A run too quick for the clock counts as 1 ns (no division by zero), still capped.
        check(target: 10_000_000, previous: 5, elapsed: 0, expect: 500)
        // At least one more than before, even when the last run overshot.
        check(target: 10, previous: 7, elapsed: 1_000_000, expect: 8)
        // Never above the maximum...
        check(target: 10_000_000, previous: 1_000, elapsed: 1_000, maximum: 5_000, expect: 5_000)
        // ...unless the maximum is below previous + 1, which must still make progress.
        check(target: 10_000_000, previous: 5_000, elapsed: 1_000, maximum: 10, expect: 5_001)
    }

    @Test func latencyBatching() {
        #expect(latencyBatchSize(nanosecondsPerIteration: 5_000, resolutionNanoseconds: 2_000) == 1)
        #expect(latencyBatchSize(nanosecondsPerIteration: 2_000, resolutionNanoseconds: 2_000) == 1)
        #expect(latencyBatchSize(nanosecondsPerIteration: 1_999, resolutionNanoseconds: 2_000) == 2)
        #expect(latencyBatchSize(nanosecondsPerIteration: 1, resolutionNanoseconds: 2_000) == 2_000)
        #expect(latencyBatchSize(nanosecondsPerIteration: 0.3, resolutionNanoseconds: 2_000) == 6_667)
        #expect(latencyBatchSize(nanosecondsPerIteration: 0, resolutionNanoseconds: 2_000) == 1)
        #expect(latencyBatchSize(nanosecondsPerIteration: .nan, resolutionNanoseconds: 2_000) == 1)
    }
}
