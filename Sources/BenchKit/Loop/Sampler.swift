import BenchResults
import CAllocCounter

/// The state machine behind `b.loop`: calibration, warm-up, the kept samples, then the
/// reference-counting pass (`ARCPass`), the allocation-site pass and the retain-site pass
/// (`StackPass`) when the plan asks for them and the process can run them.
///
/// Calibration runs the body 1, then more and more times (``predictIterations``) until a
/// run lasts at least half the wanted sample time; that fixes the iterations per sample
/// and the latency batch size. Warm-up samples follow, re-estimate both, and are dropped; then the kept
/// samples. Each run is one window: probes are read at its edges (``ProbeReading``),
/// and inside it the harness only reads the clock at unit ends and bumps a histogram
/// counter, which never allocates.
@usableFromInline
final class Sampler {
    private enum Phase { case notStarted, calibrating, warmingUp, measuring, countingARC, recordingStacks, finished }

    let plan: SamplingPlan
    private var phase = Phase.notStarted
    /// Iterations in the current run, and per timed unit within it.
    private var iterations = 1
    private var batchSize = 1
    private var unitsLeft = 0
    private var warmupsLeft = 0
    private var recordsLatency = false
    private var windowStart = ProbeReading()
    private var lastUnitEnd: UInt64 = 0
    private var memory = MemoryWatermark()
    private let histogram = LatencyHistogram()
    private let instructions = InstructionCounter()

    /// The kept samples, in order.
    private(set) var records: [SampleRecord] = []
    /// The reference-counting pass, once it ran; nil when the plan or the runtime has none.
    private(set) var arcPass: ARCPass?
    /// The counters when the pass's current run began, and the runs' counts so far (inline:
    /// keeping them allocates nothing).
    private var arcStart = ARCRun()
    private var arcRuns = ARCRuns()
    /// Why the reference-counting pass's counts were left out, if they were.
    private(set) var arcPassProblem: String?
    /// The stack-recording pass under way (allocations, then retains).
    private var stackPass: StackPass?
    /// Iterations of a kept sample (the passes run at most this many).
    private var sampleIterations = 1
    /// The allocation-site pass's stacks, once it ran; nil when the plan or the process has none.
    private(set) var recordedStacks: RecordedStacks?
    /// The retain-site pass's stacks (after the allocation-site pass, or in its place when it
    /// cannot run, whenever the reference-counting pass ran), once it ran.
    private(set) var recordedRetainStacks: RecordedStacks?
    /// Called with a pass's name ("reference-counting pass", "allocation-site pass",
    /// "retain-site pass") just before it starts (only when it can), once every kept sample is
    /// in `records`, and with nil once the last pass ended: where a child process saves what it
    /// measured, so that a crash in a pass loses nothing else, and drops it after.
    var passWillStart: ((Sampler, String?) -> Void)?
    /// Why the loop was misused, if it was; the runner reports it as a failure.
    private(set) var misuse: String?
    /// Iterations per timed latency unit of the kept samples.
    var latencyBatchSize: Int { batchSize }
    /// True once every kept sample has been measured.
    var isFinished: Bool { phase == .finished }
    /// True once the body entered the loop.
    var wasEntered: Bool { phase != .notStarted }

    init(plan: SamplingPlan) {
        self.plan = plan
        records.reserveCapacity(plan.samples)
    }

    /// Called when the body creates the loop's iterator.
    @usableFromInline
    func enterLoop() {
        if phase != .notStarted && misuse == nil {
            misuse = "the body entered b.loop more than once; use one `for _ in b.loop` per body"
        }
    }

    /// Called by the iterator when its current unit is done. Returns the iterations of
    /// the next unit, or 0 when the loop is over.
    @usableFromInline
    func unitEnded() -> Int {
        switch phase {
        case .notStarted:
            phase = .calibrating
            startRun(iterations: 1, batchSize: 1, latency: false)
            return 1
        case .finished:
            return 0
        case .countingARC:
            return arcPassEnded()
        case .recordingStacks:
            return stackRunEnded()
        case .calibrating, .warmingUp, .measuring:
            let now = ProbeSyscalls.monotonicNanoseconds()
            if recordsLatency {
                let elapsed = now &- lastUnitEnd
                histogram.record(batchSize == 1 ? elapsed : elapsed / UInt64(batchSize))
                lastUnitEnd = now
            }
            unitsLeft -= 1
            if unitsLeft > 0 { return batchSize }
            return runEnded(ProbeReading.stop(clock: now, instructions: phase == .measuring ? instructions : nil))
        }
    }

    /// Begins a window of `iterations` in units of `batchSize`. The clock is read last.
    private func startRun(iterations: Int, batchSize: Int, latency: Bool) {
        self.iterations = iterations
        self.batchSize = batchSize
        unitsLeft = iterations / batchSize
        recordsLatency = latency
        if latency { histogram.reset() }
        if phase == .measuring && plan.measureMemory { memory.begin() }
        ProbeSyscalls.quiesceARC()
        windowStart = ProbeReading.start(instructions: phase == .measuring ? instructions : nil)
        lastUnitEnd = windowStart.nanoseconds
    }

    /// Handles the end of a window and starts the next one; returns its first unit.
    private func runEnded(_ stop: ProbeReading) -> Int {
        let elapsed = stop.nanoseconds &- windowStart.nanoseconds
        switch phase {
        case .calibrating:
            if elapsed >= plan.sampleNanoseconds / 2 || iterations >= plan.maxIterations {
                fixIterations(lastIterations: iterations, lastNanoseconds: elapsed)
                warmupsLeft = plan.warmupSamples
                phase = warmupsLeft > 0 ? .warmingUp : .measuring
            } else {
                let next = predictIterations(
                    targetNanoseconds: plan.sampleNanoseconds, previousIterations: iterations,
                    previousNanoseconds: elapsed, maximum: plan.maxIterations)
                startRun(iterations: next, batchSize: next, latency: false)
                return next
            }
        case .warmingUp:
            // A calibration run can hit a one-off stall (a thread pool starting, a page
            // fault storm) and under-estimate; the warm-up sample re-estimates.
            fixIterations(lastIterations: iterations, lastNanoseconds: elapsed)
            warmupsLeft -= 1
            if warmupsLeft <= 0 { phase = .measuring }
        case .measuring:
            records.append(record(stop: stop))
            if records.count >= plan.samples { return startARCPass() }
        case .notStarted, .countingARC, .recordingStacks, .finished:
            preconditionFailure("no window is open")
        }
        startRun(iterations: iterations, batchSize: batchSize, latency: true)
        return batchSize
    }

    /// Starts the reference-counting pass (see `ARCPass`: N iterations, then 2N and 3N, each one
    /// unit), or ends the loop when there is none. The counters are read last.
    private func startARCPass() -> Int {
        sampleIterations = iterations
        let passIterations = min(plan.arcPassIterations, iterations)
        guard passIterations > 0, ProbeSyscalls.canCountARC() else { return startStackPass(.allocations) }
        passWillStart?(self, "reference-counting pass")
        arcRuns = ARCRuns()
        guard ProbeSyscalls.startCountingARC() else { return startStackPass(.allocations) }
        phase = .countingARC
        iterations = passIterations
        arcStart = ARCRun.now()
        return passIterations
    }

    /// Ends a run of the reference-counting pass: the counters are read first. The k-th run
    /// covers k·N iterations; after the third (or fourth) the counts are settled (`ARCPass`)
    /// and cover N iterations and none of the loop's own entry and exit. Counts from another
    /// path than the samples' are left out (`ARCPass.disagreement(withSamples:)`).
    private func arcPassEnded() -> Int {
        arcRuns.append(ARCRun.now().since(arcStart))
        guard let pass = ARCPass(runs: arcRuns, iterations: iterations) else {
            arcStart = ARCRun.now()
            return (arcRuns.count + 1) * iterations
        }
        ProbeSyscalls.stopCountingARC()
        if let problem = pass.disagreement(withSamples: records) {
            arcPassProblem = problem
        } else {
            arcPass = pass
        }
        return startStackPass(.allocations)
    }

    /// Starts the stack pass of `kind` (`StackPass`: allocations, then retains) when the plan,
    /// its budget and the process allow it, else the next one; ends the loop after the last
    /// (`kind` nil). The retain-site pass needs the reference-counting pass's counts.
    private func startStackPass(_ kind: StackPass.Kind?) -> Int {
        guard let kind else {
            phase = .finished
            passWillStart?(self, nil)
            return 0
        }
        let eventsPerOp = kind == .allocations ? records.map(\.allocationsPerOp).max() ?? 0 : arcPass?.retainsPerOp
        let passIterations = eventsPerOp.map {
            SamplingPlan.siteIterations(
                wanted: min(plan.siteIterations, sampleIterations), eventsPerOp: $0, budget: plan.recordingBudget(kind))
        } ?? 0
        guard passIterations > 0, StackPass.canRun(kind) else { return startStackPass(kind.next) }
        passWillStart?(self, kind.passName)
        guard let pass = StackPass(kind: kind, iterations: passIterations) else { return startStackPass(kind.next) }
        stackPass = pass
        phase = .recordingStacks
        iterations = pass.iterations
        return pass.iterations
    }

    /// Ends a run of a stack pass; after its second, keeps the stacks (symbolizing them is
    /// left to after the loop) and starts the next pass.
    private func stackRunEnded() -> Int {
        switch stackPass!.runEnded() {
        case let .next(iterations):
            return iterations
        case let .done(stacks):
            let kind = stackPass!.kind
            stackPass = nil
            if kind == .allocations { recordedStacks = stacks } else { recordedRetainStacks = stacks }
            return startStackPass(kind.next)
        }
    }

    /// Stops the hooks and the recorder if the body left the loop during a pass.
    func abandonPasses() {
        if phase == .countingARC { ProbeSyscalls.stopCountingARC() }
        if phase == .recordingStacks { stackPass?.stop() }
    }

    /// Sets iterations per sample and the latency batch from a run's duration.
    private func fixIterations(lastIterations: Int, lastNanoseconds: UInt64) {
        let perIteration = Double(max(1, lastNanoseconds)) / Double(lastIterations)
        let wanted = Double(plan.sampleNanoseconds) / perIteration
        // The batch never exceeds the iteration cap: maxIterations is a hard bound.
        let batch = min(plan.maxIterations, BenchKit.latencyBatchSize(
            nanosecondsPerIteration: perIteration, resolutionNanoseconds: plan.latencyResolutionNanoseconds))
        // Whole batches only, at least one, at most maxIterations (rounded down to a batch).
        let cap = max(batch, plan.maxIterations / batch * batch)
        iterations = min(cap, max(batch, Int((wanted / Double(batch)).rounded(.up)) * batch))
        batchSize = batch
    }

    /// Instructions retired in the window, if both edges were counted on the same thread.
    private func instructionDelta(_ stop: ProbeReading) -> UInt64? {
        guard instructions.isValid, let end = stop.instructions, let start = windowStart.instructions else { return nil }
        return end &- start
    }

    /// The record of the window that just ended (the clock was already read).
    private func record(stop: ProbeReading) -> SampleRecord {
        let watermark = plan.measureMemory ? memory.end() : nil
        let quantiles = MetricID.latencyQuantiles.map { histogram.quantile($0.quantileProbability!) ?? 0 }
        return SampleRecord(
            iterations: iterations,
            nanoseconds: stop.nanoseconds &- windowStart.nanoseconds,
            cpuNanoseconds: stop.cpuNanoseconds &- windowStart.cpuNanoseconds,
            allocations: stop.allocations &- windowStart.allocations,
            frees: stop.frees &- windowStart.frees,
            bytes: stop.bytes &- windowStart.bytes,
            peakRSS: watermark?.peak, rssGrowth: watermark?.growth,
            instructions: instructionDelta(stop),
            quantiles: quantiles)
    }
}
