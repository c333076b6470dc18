/// Everything recorded for one benchmark in one run: its status, the iterations of each
/// kept sample, how latency was timed, and its metrics by name.
///
/// Per-op values are stored per sample in ``metrics``; a sample's total is its value
/// times `iterations[i]`.
package struct BenchmarkResult: Sendable, Equatable, Codable {
    /// The benchmark's name, `/`-separated (`"sort/n=1000"`). Unique within a file.
    package var name: String
    /// Whether the benchmark ran to completion.
    package var status: BenchmarkStatus
    /// Why the status is not `ok` (the crash signal, the failure message), if it is not; for
    /// an `ok` benchmark, why it left metrics out, if it did.
    package var message: String?
    /// Iterations in each kept sample, in sample order. Empty when the benchmark did not run.
    package var iterations: [Int]
    /// How latency quantiles were timed; `nil` when no quantiles were recorded.
    package var latency: LatencyMode?
    /// Measured metrics by name: `MetricID` raw values and custom metric names.
    package var metrics: [String: Metric]
    /// The allocation call sites of the profile pass, when one ran (schema 2).
    package var allocationSites: AllocationSites?
    /// The retain call sites of the retain-site pass, when one ran (schema 2, added after
    /// `allocationSites`): the same shape, counting retains per op, bytes 0.
    package var retainSites: AllocationSites?

    /// Creates a result.
    package init(
        name: String, status: BenchmarkStatus = .ok, message: String? = nil,
        iterations: [Int] = [], latency: LatencyMode? = nil, metrics: [String: Metric] = [:],
        allocationSites: AllocationSites? = nil, retainSites: AllocationSites? = nil
    ) {
        self.name = name
        self.status = status
        self.message = message
        self.iterations = iterations
        self.latency = latency
        self.metrics = metrics
        self.allocationSites = allocationSites
        self.retainSites = retainSites
    }

    /// The built-in metric `id`, if it was recorded.
    package subscript(id: MetricID) -> Metric? {
        get { metrics[id.rawValue] }
        set { metrics[id.rawValue] = newValue }
    }

    /// Metric names in display order: built-ins in `MetricID` order, then custom ones sorted.
    package var orderedMetricNames: [String] { MetricID.displayOrder(Set(metrics.keys)) }
}

/// How a benchmark ended.
package enum BenchmarkStatus: String, Sendable, Codable {
    /// Ran all its samples.
    case ok
    /// Reported a failure (misuse of the loop, a thrown error, an unreadable child report).
    case failed
    /// Its process died on a signal or exited abnormally; `message` names the signal.
    case crashed
    /// Exceeded its time limit and was killed.
    case timeout
}

/// How per-op latency quantiles were obtained.
package struct LatencyMode: Sendable, Equatable, Codable {
    /// Iterations per timed unit: 1 means every iteration was timed alone; n > 1 means the
    /// quantiles are of batch means of n iterations (the iteration was too short to time
    /// alone without the clock dominating), which understates the true tail.
    package var batchSize: Int

    /// Creates a mode with the given batch size (>= 1).
    package init(batchSize: Int) { self.batchSize = batchSize }

    /// True when every iteration was timed on its own.
    package var isPerIteration: Bool { batchSize == 1 }
}
