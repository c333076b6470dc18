/// Per-benchmark settings. Unset fields take the run's defaults (the command line, then
/// the built-in defaults: 10 samples of 10 ms after 1 warm-up sample, 60 s timeout).
///
///     suite.benchmark("json/decode", configuration: .init(samples: 20, sampleTime: .milliseconds(5),
///                                                         throughput: .bytes(4096))) { b in ... }
public struct BenchmarkConfiguration: Sendable {
    /// Samples kept in the results.
    public var samples: Int?
    /// Samples run after calibration and dropped.
    public var warmupSamples: Int?
    /// Wanted duration of one sample.
    public var sampleTime: Duration?
    /// How long the benchmark's process may run before it is killed (isolated runs only).
    public var timeout: Duration?
    /// Upper bound on iterations per sample.
    public var maxIterations: Int?
    /// Work done per op, for a throughput metric (B/s or items/s).
    public var throughput: Throughput?
    /// Whether a pass after the samples counts Swift retains, releases and objects per op
    /// (`retains`, `releases`, `objects`); nil for the run's setting (on unless `--no-arc`).
    public var countsARC: Bool?
    /// Whether a pass after the samples records the call stack of every allocation and keeps
    /// the benchmark's allocation sites in the results; nil for the run's setting (on unless
    /// `--no-sites` or `--site-iterations 0`).
    public var recordsSites: Bool?

    /// Work done by one iteration of the loop.
    public enum Throughput: Sendable, Equatable {
        /// Bytes processed per op: throughput is reported in B/s.
        case bytes(Int)
        /// Items processed per op: throughput is reported in items/s.
        case items(Int)
    }

    /// Creates a configuration; every field defaults to the run's setting.
    public init(
        samples: Int? = nil, warmupSamples: Int? = nil, sampleTime: Duration? = nil,
        timeout: Duration? = nil, maxIterations: Int? = nil, throughput: Throughput? = nil, countsARC: Bool? = nil,
        recordsSites: Bool? = nil
    ) {
        self.samples = samples
        self.warmupSamples = warmupSamples
        self.sampleTime = sampleTime
        self.timeout = timeout
        self.maxIterations = maxIterations
        self.throughput = throughput
        self.countsARC = countsARC
        self.recordsSites = recordsSites
    }
}

extension Duration {
    /// This duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
