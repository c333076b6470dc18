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
///   a custom metric named after the unit, noisy unless a `Unit U assume=exact` line says
///   otherwise, higher-is-better when the unit ends in `/s` or a `Unit U better=higher` line
///   says so.
/// - The `Benchmark` prefix is dropped from names; the `-N` GOMAXPROCS suffix is stripped
///   when every name that carries one has the same N (like benchstat's `.gomaxprocs`
///   config) and stored as `environment.extra["gomaxprocs"]`; otherwise names keep it.
/// - Repeated lines of one benchmark are its samples; their iteration counts are kept.
/// - Configuration lines (`key: value`): `goos` is `os`, `goarch` is `arch`, `cpu` is
///   `cpuModel`, all others go to `environment.extra`. When several `pkg:` values appear,
///   every name is qualified as `pkg.Name`, so equal names in different packages stay
///   apart; with one package it is kept as `extra["pkg"]`.
/// - `--- FAIL: BenchmarkX` marks X as failed. `PASS`, `ok`, `FAIL` and other lines are
///   ignored (go test interleaves log output).
package enum GoBenchfmt {
    /// Units Go itself writes, and the metric each maps to.
    /// The configuration keys Go itself writes that map to environment fields (`goos` to
    /// `os`, `goarch` to `arch`, `cpu` to `cpuModel`: `Environment.Field.benchfmtKey`); the
    /// writer puts them first, the reader reads only these into fields, all else into `extra`.
    static let goKeys: Set<String> = ["goos", "goarch", "cpu"]
    static let builtInUnits: [String: MetricID] = ["ns/op": .time, "B/op": .bytes, "allocs/op": .allocs, "MB/s": .throughput]

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
