import BenchResults

/// One run in a history file: which commit was measured, when, against which baseline, and per
/// benchmark and metric the median, minimum and maximum of its samples.
///
///     let entry = HistoryEntry(results: file, commit: "8a4a85b", date: "2026-12-02T14:00:00Z",
///                              baselineHash: FNV1a.hexDigits(of: baselineBytes))
///     entry["json/encode"]?.metrics["allocs"]?.median   // 3
///
/// A history file holds one entry per line (see `History` and docs/results-format.md). An
/// entry keeps summaries, not samples, so a line stays small; it is not a results file and
/// cannot be gated against.
package struct HistoryEntry: Sendable, Equatable {
    /// The `format` value every history line carries.
    package static let formatName = "memgate-history"
    /// The schema this code writes.
    package static let currentSchema = 1
    /// The schemas this code reads.
    package static let readableSchemas = 1...1

    /// The schema the entry was read in (new entries: `currentSchema`).
    package var schema: Int
    /// The commit the results were measured at; empty when it was not known.
    package var commit: String
    /// When the run was recorded: ISO 8601 in UTC (`2026-12-02T14:00:00Z`).
    package var date: String
    /// A short content hash of the baseline the run was gated against (16 hex digits of
    /// FNV-1a over the file's bytes), or empty when there was none. A different hash than the
    /// previous entry's marks a baseline update.
    package var baselineHash: String
    /// The benchmarks that completed, in the results file's order, names unique.
    package var benchmarks: [Benchmark]

    /// Creates an entry of the current schema.
    package init(commit: String, date: String, baselineHash: String, benchmarks: [Benchmark]) {
        self.schema = HistoryEntry.currentSchema
        self.commit = commit
        self.date = date
        self.baselineHash = baselineHash
        self.benchmarks = benchmarks
    }

    /// The benchmark named `name`, if the run recorded it.
    package subscript(name: String) -> Benchmark? {
        benchmarks.first { $0.name == name }
    }

    /// One benchmark of a run: its metrics' summaries by metric name.
    package struct Benchmark: Sendable, Equatable, Codable {
        /// The benchmark's name, as in the results file.
        package var name: String
        /// Summaries by metric name (`MetricID` raw values and custom names).
        package var metrics: [String: MetricSummary]

        /// Creates a benchmark summary.
        package init(name: String, metrics: [String: MetricSummary]) {
            self.name = name
            self.metrics = metrics
        }
    }

    /// The median, minimum and maximum of one metric's samples in one run, in its unit.
    /// All three are finite and `min <= median <= max` (checked on read).
    package struct MetricSummary: Sendable, Equatable, Codable {
        /// The unit of the three values (`ns/op`).
        package var unit: MetricUnit
        /// The median of the samples (the value the gate compares).
        package var median: Double
        /// The smallest sample.
        package var min: Double
        /// The largest sample.
        package var max: Double
        /// Which direction is better, recorded for custom metrics only (a built-in metric's is
        /// in `MetricID.properties`); nil for built-in metrics and in lines written before
        /// memgate recorded it (`declaration(of:)` then assumes lower is better).
        package var better: Metric.Better?
        /// Whether the metric is exact, recorded for custom metrics only, like `better`; nil
        /// for built-in metrics and in older lines (then assumed noisy).
        package var exact: Bool?

        /// Creates a summary.
        package init(unit: MetricUnit, median: Double, min: Double, max: Double, better: Metric.Better? = nil, exact: Bool? = nil) {
            self.unit = unit
            self.median = median
            self.min = min
            self.max = max
            self.better = better
            self.exact = exact
        }

        /// The summary of `metric`'s samples; with `declared`, also its direction and
        /// exactness (for a custom metric).
        package init(_ metric: Metric, declared: Bool = false) {
            let summary = metric.summary
            self.init(unit: metric.unit, median: summary.median, min: summary.min, max: summary.max,
                      better: declared ? metric.better : nil, exact: declared ? metric.exact : nil)
        }

        /// The direction and exactness of the metric named `name` that this summarises: a
        /// built-in metric's from its table, a custom one's as recorded, else lower is better
        /// and noisy (lines written before memgate recorded them).
        package func declaration(of name: String) -> (better: Metric.Better, exact: Bool) {
            if let id = MetricID(rawValue: name) { return (id.properties.better, id.properties.exact) }
            return (better ?? .lower, exact ?? false)
        }
    }
}

extension HistoryEntry {
    /// The entry as one history line's JSON tree (`History.jsonLines` writes it compact,
    /// keys sorted): `format`, `schema` (always `currentSchema`), `commit`, `date`,
    /// `baseline`, and per benchmark its `name` and `metrics` (`unit`, `median`, `min`, `max`,
    /// and for custom metrics `better` and `exact`).
    package var jsonValue: JSONValue {
        let benchmarks = benchmarks.map { benchmark in
            JSONValue.object([
                ("name", .string(benchmark.name)),
                ("metrics", .object(benchmark.metrics.map { name, summary in
                    var fields: [(key: String, value: JSONValue)] = [
                        ("unit", .string(summary.unit.text)), ("median", JSONValue(summary.median)),
                        ("min", JSONValue(summary.min)), ("max", JSONValue(summary.max)),
                    ]
                    if let better = summary.better { fields.append(("better", .string(better.rawValue))) }
                    if let exact = summary.exact { fields.append(("exact", .bool(exact))) }
                    return (name, .object(fields))
                })),
            ])
        }
        return .object([
            ("format", .string(HistoryEntry.formatName)), ("schema", JSONValue(HistoryEntry.currentSchema)),
            ("commit", .string(commit)), ("date", .string(date)), ("baseline", .string(baselineHash)),
            ("benchmarks", .array(benchmarks)),
        ])
    }
}
