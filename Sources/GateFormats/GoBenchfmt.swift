import BenchResults

/// Go's benchmark text format (`go test -bench . -benchmem -count 10` output, the format
/// benchstat reads; proposal golang.org/design/14313), mapped to and from `ResultsFile`.
///
///     goos: linux
///     goarch: amd64
///     cpu: Intel(R) Xeon(R) CPU @ 2.20GHz
///     BenchmarkEncode/small-8   1000000   1032 ns/op   256 B/op   3 allocs/op
///
/// Mapping (both directions):
/// - `ns/op` is `time`; `B/op` is `bytes` and `allocs/op` is `allocs` (both exact);
///   `MB/s` is `throughput` in B/s (value × 1e6, higher is better). Any other unit becomes
///   a custom metric named after the unit (or after `Unit U metric=NAME`, which the writer
///   adds for units it composes, `cpu-ns/op`: a built-in name then takes the metric table's
///   properties), noisy unless a `Unit U assume=exact` line says otherwise, higher-is-better
///   when the unit ends in `/s` or a `Unit U better=higher` line says so. A metric may have
///   fewer samples than its benchmark has lines (on the first lines only).
/// - The `Benchmark` prefix is dropped from names; the `-N` GOMAXPROCS suffix is stripped
///   when every name that carries one has the same N (like benchstat's `.gomaxprocs`
///   config) and stored as `environment.extra["gomaxprocs"]`; otherwise names keep it.
/// - Repeated lines of one benchmark are its samples; their iteration counts are kept.
/// - Configuration lines (`key: value`): `goos` is `os`, `goarch` is `arch`, `cpu` is
///   `cpuModel`, all others go to `environment.extra`. A benchmark after a `pkg:` line is
///   named `pkg.Name`, however many packages ran (so a run where one package failed to build
///   still matches the baseline); an `ok pkg` or `FAIL pkg` line ends the package.
/// - Failures are failed benchmarks, never skipped lines (`GoBenchfmtParser+Failures`):
///   `--- FAIL: BenchmarkX`, a `panic:`, `FAIL pkg [build failed]` (a failed `pkg.*`), a
///   result split from its name by the benchmark's own output. `PASS`, `ok` and log lines
///   are ignored.
package enum GoBenchfmt {
    /// The configuration keys Go itself writes that map to environment fields (`goos` to
    /// `os`, `goarch` to `arch`, `cpu` to `cpuModel`: `Environment.Field.benchfmtKey`); the
    /// writer puts them first, the reader reads only these into fields, all else into `extra`.
    static let goKeys: Set<String> = ["goos", "goarch", "cpu"]
    /// A unit Go itself writes, the built-in metric it holds and that metric's unit here:
    /// a value here is the Go value times `factor` (Go's `MB/s` is 1e6 of our `B/s`).
    package struct GoUnit: Sendable, Equatable {
        /// The unit as Go writes it (`"MB/s"`).
        package let text: String
        /// The built-in metric its values are.
        package let metric: MetricID
        /// The metric's unit in memgate's results (`B/s`).
        package let unit: MetricUnit
        /// Our value per Go value.
        package let factor: Double
    }

    /// The one Go unit map, which the reader and the writer both use: `ns/op` is `time`,
    /// `B/op` `bytes`, `allocs/op` `allocs`, `MB/s` `throughput` in B/s (`GoBenchfmtTests`
    /// checks every entry both ways).
    package static let goUnits = [
        GoUnit(text: "ns/op", metric: .time, unit: .nanosecondsPerOp, factor: 1),
        GoUnit(text: "B/op", metric: .bytes, unit: .bytesPerOp, factor: 1),
        GoUnit(text: "allocs/op", metric: .allocs, unit: .allocationsPerOp, factor: 1),
        GoUnit(text: "MB/s", metric: .throughput, unit: .bytesPerSecond, factor: 1e6),
    ]
    /// `goUnits` by the unit Go writes.
    static let builtInUnits = Dictionary(uniqueKeysWithValues: goUnits.map { ($0.text, $0) })

    /// Whether `bytes` looks like a JSON document (first non-whitespace byte is `{`).
    package static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"): return true
            default: return false
            }
        }
        return false
    }
}
