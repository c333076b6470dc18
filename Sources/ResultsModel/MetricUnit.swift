/// The unit a metric is measured in, such as `ns/op`, `B/op` or `allocs/op`.
///
/// A unit is its text plus a ``Scale`` that says how values are scaled for display:
/// time units scale through ns, µs, ms and s; byte units through B, KiB, MiB and GiB
/// (binary); everything else through decimal SI prefixes (k, M, G). The text is kept
/// exactly as written, so a custom unit round-trips through the results file unchanged.
///
///     MetricUnit("B/op").format(1536)      // "1.50 KiB/op"
///     MetricUnit("ns/op").format(1_250)    // "1.25 µs/op"
package struct MetricUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How values of this unit are scaled for display.
    package enum Scale: Sendable {
        /// Nanoseconds: ns, µs, ms, s.
        case time
        /// Bytes: B, KiB, MiB, GiB (powers of 1024).
        case binaryBytes
        /// Anything else: plain number with k, M, G prefixes (powers of 1000).
        case decimal
    }

    /// The unit text, as written in results files (`"ns/op"`).
    package let text: String

    /// Creates a unit from its text.
    package init(_ text: String) { self.text = text }

    package init(from decoder: Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    package var description: String { text }

    /// The base quantity before any `/op` or `/s` suffix: `"ns"` for `"ns/op"`.
    package var base: Substring { text.split(separator: "/", maxSplits: 1).first ?? Substring(text) }

    /// The suffix after the base, with its slash (`"/op"`), or empty.
    package var suffix: Substring {
        guard let slash = text.firstIndex(of: "/") else { return "" }
        return text[slash...]
    }

    /// How this unit scales for display, derived from its base.
    package var scale: Scale {
        switch base {
        case "ns": return .time
        case "B": return .binaryBytes
        default: return .decimal
        }
    }

    /// Nanoseconds per operation (time, CPU time, latency quantiles).
    package static let nanosecondsPerOp = MetricUnit("ns/op")
    /// Nanoseconds.
    package static let nanoseconds = MetricUnit("ns")
    /// Bytes per operation (requested bytes).
    package static let bytesPerOp = MetricUnit("B/op")
    /// Bytes (peak RSS, RSS growth).
    package static let bytes = MetricUnit("B")
    /// Allocations per operation.
    package static let allocationsPerOp = MetricUnit("allocs/op")
    /// Frees per operation.
    package static let freesPerOp = MetricUnit("frees/op")
    /// Bytes per second (throughput).
    package static let bytesPerSecond = MetricUnit("B/s")
    /// Items per second (throughput).
    package static let itemsPerSecond = MetricUnit("items/s")
    /// Retired instructions per operation.
    package static let instructionsPerOp = MetricUnit("instructions/op")
    /// Swift strong retains per operation.
    package static let retainsPerOp = MetricUnit("retains/op")
    /// Swift strong releases per operation.
    package static let releasesPerOp = MetricUnit("releases/op")
    /// Swift heap objects allocated per operation.
    package static let objectsPerOp = MetricUnit("objects/op")
}
