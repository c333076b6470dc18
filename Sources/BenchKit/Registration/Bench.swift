import BenchResults

/// The handle a benchmark body receives: the measured loop and custom metrics.
///
///     suite.benchmark("dictionary/lookup") { b in
///         let table = Dictionary(uniqueKeysWithValues: (0..<1_000).map { ($0, $0) })  // setup
///         for _ in b.loop {
///             blackHole(table[42])
///         }
///     }
///
/// A body runs once per benchmark; `b.loop` runs calibration, warm-up and every sample.
public final class Bench {
    /// The benchmark's full name.
    public let name: String
    let sampler: Sampler
    private(set) var customMetrics: [String: Metric] = [:]
    private(set) var reportError: String?

    init(name: String, plan: SamplingPlan) {
        self.name = name
        self.sampler = Sampler(plan: plan)
    }

    /// The measured loop. Write `for _ in b.loop { ... }` exactly once in the body.
    public var loop: BenchLoop { BenchLoop(sampler: sampler) }

    /// Records a metric of your own, such as a hit rate or a compressed size.
    ///
    /// Call it after the loop. Each call for the same `name` adds one sample; the gate
    /// compares exact metrics directly and noisy ones statistically (a single value can
    /// never be significant, so a noisy metric reported once is shown but rarely gated).
    ///
    /// - Parameters:
    ///   - value: the value, finite. A non-finite value fails the benchmark.
    ///   - unit: the unit text, such as `"hits/op"` or `"B"`; non-empty, no whitespace.
    ///   - name: the metric's name in results; defaults to `unit`.
    ///   - better: which direction is an improvement.
    ///   - exact: true when identical runs give identical values (then any worsening fails
    ///     the default gate).
    public func report(
        _ value: Double, unit: String, name: String? = nil,
        better: Metric.Better = .lower, exact: Bool = false
    ) {
        let key = name ?? unit
        guard value.isFinite else {
            reportError = "report(\(value), unit: \"\(unit)\"): the value is not finite"
            return
        }
        guard !unit.isEmpty, !unit.contains(where: \.isWhitespace), !key.isEmpty else {
            reportError = "report(_:unit: \"\(unit)\"): the unit must be non-empty with no whitespace"
            return
        }
        guard MetricID(rawValue: key) == nil else {
            reportError = "report(_:unit:name: \"\(key)\"): \"\(key)\" is a built-in metric; choose another name"
            return
        }
        if var metric = customMetrics[key] {
            metric.samples.append(value)
            customMetrics[key] = metric
        } else {
            customMetrics[key] = Metric(unit: MetricUnit(unit), better: better, exact: exact, samples: [value])
        }
    }
}
