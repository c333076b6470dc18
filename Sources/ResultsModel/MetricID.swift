/// The metrics BenchKit measures itself. A metric's key in a results file is its raw value.
///
/// Custom metrics (reported with `Bench.report(_:unit:)`) use their own names; they are not
/// cases of this enum, so no code needs a switch over every metric.
///
/// Comparability: `allocs`, `bytes`, `frees` and `retained` count calls into the malloc
/// family from the whole process (all threads), as seen by the CAllocCounter interposer;
/// they are comparable across machines for the same code and toolchain, not across
/// allocators or Swift versions. Time, CPU, latency and RSS metrics depend on the machine.
package enum MetricID: String, CaseIterable, Sendable {
    /// Wall-clock time per op (ns/op): sample duration / iterations.
    case time
    /// CPU time (user + system, all threads) per op (ns/op), from getrusage.
    case cpu
    /// Latency quantiles (ns) of single iterations, or of batch means (see `LatencyMode`).
    case p50, p90, p99, p999 = "p99.9", max
    /// Allocations per op: successful malloc-family calls / iterations. Exact.
    case allocs
    /// Bytes requested per op (not the allocator's rounded sizes). Exact.
    case bytes
    /// Blocks freed per op. Exact for single-threaded work.
    case frees
    /// Net blocks retained per op: (allocations - frees) / iterations. Leaks show here.
    case retained
    /// The process's resident-set high-water mark during the sample (B).
    case peakRSS
    /// Peak RSS during the sample minus RSS when the sample started (B).
    case rssGrowth
    /// Throughput from bytes or items per op declared by the benchmark (B/s or items/s).
    case throughput
    /// Retired user-space instructions per op, where perf_event_open is allowed.
    case instructions
    /// Swift strong retains per op (all threads), counted in a pass after the samples
    /// through the runtime's hooks. Exact for single-threaded code.
    case retains
    /// Swift strong releases per op, counted with `retains`.
    case releases
    /// Swift heap objects allocated per op (class instances, closure contexts, boxes,
    /// collection storage), counted with `retains`.
    case objects

    /// `names` in display order: built-in metrics in case order, then custom names sorted.
    package static func displayOrder(_ names: Set<String>) -> [String] {
        allCases.map(\.rawValue).filter(names.contains) + names.filter { MetricID(rawValue: $0) == nil }.sorted()
    }

    /// The latency quantiles, in display order.
    package static let latencyQuantiles: [MetricID] = [.p50, .p90, .p99, .p999, .max]

    /// The counts of BenchKit's reference-counting pass, which it leaves out together.
    package static let referenceCounting: [MetricID] = [.retains, .releases, .objects]

    /// The probability of each latency quantile (max is 1); nil for other metrics.
    package var quantileProbability: Double? { properties.quantile }

    /// Whether this metric is exact: identical runs of deterministic code give identical
    /// values (the allocation counters), so the gate compares it without statistics.
    package var isExact: Bool { properties.exact }

    /// Whether values of this metric can never be negative (validated on read).
    package var isNonNegative: Bool { self != .retained }
}
