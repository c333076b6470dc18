import DescriptiveStatistics

/// One measured quantity of one benchmark: its unit, which direction is better, whether
/// it is exact, and its raw values (one per sample, so statistics can be redone later).
///
///     Metric(unit: .allocationsPerOp, better: .lower, exact: true, samples: [3, 3, 3])
///
/// `summary` is written for human readers and other tools; readers recompute it from
/// `samples` and never trust the stored copy.
///
/// Public only for `Metric.Better`, which `Bench.report(_:unit:name:better:exact:)` takes;
/// everything else about a metric is internal to the package.
public struct Metric: Sendable, Equatable {
    /// Which direction of change is an improvement.
    public enum Better: String, Sendable, Codable {
        case lower, higher
    }

    /// The unit of every value in `samples`.
    package var unit: MetricUnit
    /// Which direction is an improvement.
    package var better: Better
    /// True for deterministic quantities (allocation counts): identical runs give identical
    /// values, so they are compared directly rather than statistically.
    package var exact: Bool
    /// One value per kept sample (per op where the unit says so). Finite; never empty.
    package var samples: [Double]

    /// Creates a metric.
    package init(unit: MetricUnit, better: Better = .lower, exact: Bool = false, samples: [Double]) {
        self.unit = unit
        self.better = better
        self.exact = exact
        self.samples = samples
    }

    /// The median of `samples` (the value tables show and the gate compares).
    package var median: Double { Descriptive.median(samples) ?? .nan }

    /// The summary of `samples`.
    package var summary: Summary { Summary(samples) }
}

/// Descriptive statistics of a metric's samples, as stored in results files.
package struct Summary: Sendable, Equatable, Codable {
    /// The median (mean of the two middle samples for an even count).
    package var median: Double
    /// The arithmetic mean.
    package var mean: Double
    /// The smallest sample.
    package var min: Double
    /// The largest sample.
    package var max: Double
    /// Sample standard deviation; 0 for a single sample.
    package var stddev: Double

    /// Summarises `samples`; all fields are NaN for an empty sample. A figure that overflows
    /// for finite samples near the largest Double (a spread of ±1e308) is clamped to the
    /// largest finite value, so every valid file can be written as JSON.
    package init(_ samples: [Double]) {
        func finite(_ value: Double) -> Double {
            value.isNaN ? value : Swift.min(Swift.max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
        }
        median = finite(Descriptive.median(samples) ?? .nan)
        mean = finite(Descriptive.mean(samples) ?? .nan)
        min = samples.min() ?? .nan
        max = samples.max() ?? .nan
        stddev = finite(Descriptive.standardDeviation(samples) ?? (samples.isEmpty ? .nan : 0))
    }
}

extension Metric: Codable {
    private enum CodingKeys: String, CodingKey { case unit, better, exact, samples, summary }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unit = try container.decode(MetricUnit.self, forKey: .unit)
        better = try container.decode(Better.self, forKey: .better)
        exact = try container.decodeIfPresent(Bool.self, forKey: .exact) ?? false
        samples = try container.decode([Double].self, forKey: .samples)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(better, forKey: .better)
        try container.encode(exact, forKey: .exact)
        try container.encode(samples, forKey: .samples)
        try container.encode(summary, forKey: .summary)
    }
}
