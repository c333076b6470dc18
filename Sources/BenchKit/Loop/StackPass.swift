import CAllocCounter

/// One stack-recording pass after the kept samples: the body runs N iterations (run 0), then
/// 2N (run 1), each as one unit, with the stack of every allocation (or every retain) recorded
/// by the site recorder (CAllocCounter's AllocationSites.h). Run 1's tallies minus run 0's
/// cover N iterations and none of the loop's own entry and exit.
struct StackPass {
    /// What the pass records.
    enum Kind: Equatable {
        /// Every allocation the counting allocator counts, with its bytes.
        case allocations
        /// Every retain the reference-counting hooks count (they are switched on for the pass).
        case retains

        /// The pass that follows this one, if any.
        var next: Kind? { self == .allocations ? .retains : nil }
        /// The pass's name in messages ("... during the allocation-site pass").
        var passName: String { self == .allocations ? "allocation-site pass" : "retain-site pass" }
    }

    let kind: Kind
    /// N.
    let iterations: Int
    /// The counters when the current run began, and run 0's totals once it ended.
    private var start: (events: UInt64, bytes: UInt64)
    private var firstRun: (events: UInt64, bytes: UInt64)?

    /// Whether this process can record `kind`: the counting allocator is linked, and for
    /// retains the runtime offers its reference-counting hooks.
    static func canRun(_ kind: Kind) -> Bool {
        memgate_sites_is_available() != 0 && (kind == .allocations || ProbeSyscalls.canCountARC())
    }

    /// Starts recording `kind` for N = `iterations`; nil when this process cannot record it.
    /// The counters are read last.
    init?(kind: Kind, iterations: Int) {
        guard iterations > 0 else { return nil }
        switch kind {
        case .allocations:
            guard ProbeSyscalls.startRecordingSites() else { return nil }
        case .retains:
            guard ProbeSyscalls.startCountingARC() else { return nil }
            guard memgate_sites_start_retains() != 0 else {
                ProbeSyscalls.stopCountingARC()
                return nil
            }
        }
        self.kind = kind
        self.iterations = iterations
        start = (0, 0)
        start = counters()
    }

    /// What follows a run: the next run's iterations, or the stacks when the pass is over.
    enum Step {
        case next(iterations: Int)
        case done(RecordedStacks)
    }

    /// Ends a run; the counters are read first. After run 0, the next run's iterations (2N);
    /// after run 1, the recorded stacks (recording stopped).
    mutating func runEnded() -> Step {
        let end = counters()
        let run = (events: end.events &- start.events, bytes: end.bytes &- start.bytes)
        guard let first = firstRun else {
            firstRun = run
            memgate_sites_set_run(1)
            start = counters()
            return .next(iterations: 2 * iterations)
        }
        stop()
        return .done(RecordedStacks.copyFromRecorder(
            iterations: iterations, totalAllocations: (first.events, run.events), totalBytes: (first.bytes, run.bytes)))
    }

    /// Stops recording (and the hooks, for retains).
    func stop() {
        memgate_sites_stop()
        if kind == .retains { ProbeSyscalls.stopCountingARC() }
    }

    private func counters() -> (events: UInt64, bytes: UInt64) {
        switch kind {
        case .allocations:
            let counts = ProbeSyscalls.allocationCounts()
            return (counts.allocations, counts.bytes)
        case .retains:
            return (ProbeSyscalls.arcCounts().retains, 0)
        }
    }
}
