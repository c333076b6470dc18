import BenchResults
import CLISupport
import Foundation
import Testing
import ResultsView

/// `ResultsSummaryTable.render`: the tables benchmark executables and `memgate run` print.
/// Expected cells are worked out by hand from the samples: medians, unit formatting (three
/// significant digits, `/op` dropped), the ±% spread (half the 5th-95th percentile range
/// over the median, type 7 quantiles) and the compact iteration counts.
@Suite struct ResultsSummaryTableTests {
    static let release = Environment(buildConfiguration: "release")

    static func ns(_ samples: [Double]) -> Metric { Metric(unit: .nanosecondsPerOp, samples: samples) }

    /// Two benchmarks covering every kind of cell of the time and memory tables.
    static let twoBenchmarks = ResultsFile(environment: release, benchmarks: [
        BenchmarkResult(
            name: "sort", iterations: [1000, 1000, 1000], latency: LatencyMode(batchSize: 1),
            metrics: [
                "time": ns([98, 100, 102]),                   // median 100; 5th 98.2, 95th 101.8: ±1.8%
                "cpu": ns([90, 90, 90]),
                "p50": Metric(unit: .nanoseconds, samples: [95, 95, 95]),
                "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [3, 3, 3]),
                "bytes": Metric(unit: .bytesPerOp, exact: true, samples: [1536, 1536, 1536]),
                "peakRSS": Metric(unit: .bytes, samples: [52_428_800]),   // 50 MiB
            ]),
        BenchmarkResult(
            name: "parse/json", iterations: [12_345, 12_345], latency: LatencyMode(batchSize: 8),
            metrics: [
                "time": ns([1500, 1500]),
                "p50": Metric(unit: .nanoseconds, samples: [1400]),
                "p99": Metric(unit: .nanoseconds, samples: [2_000_000]),
                "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [0, 0]),
                "frees": Metric(unit: .freesPerOp, exact: true, samples: [12_500, 12_500]),
                "retained": Metric(unit: .allocationsPerOp, exact: true, samples: [-1, -1]),
                "rssGrowth": Metric(unit: .bytes, samples: [2048]),
                "throughput": Metric(unit: .itemsPerSecond, better: .higher, samples: [2500]),
            ]),
    ])

    @Test func rendersTheTimeAndMemoryTables() {
        let expected = """
            benchmark   time/op      ±  cpu/op      p50  p90   p99  p99.9  max  timed  samples
            ----------------------------------------------------------------------------------
            sort         100 ns  ±1.8%   90 ns    95 ns    -     -      -    -   each   3×1000
            parse/json  1.50 µs  ±0.0%       -  1.40 µs    -  2 ms      -    -     ×8    2×12k

            benchmark   allocs/op      B/op  frees/op  retained/op  peak RSS  RSS growth      throughput
            --------------------------------------------------------------------------------------------
            sort                3  1.50 KiB         -            -    50 MiB           -               -
            parse/json          0         -     12500           -1         -       2 KiB  2.50 k items/s

            """
        #expect(ResultsSummaryTable.render(Self.twoBenchmarks, style: .plain) == expected)
    }

    @Test func emptyInputRendersNothing() {
        #expect(ResultsSummaryTable.render(ResultsFile(), style: .plain) == "")
        #expect(ResultsSummaryTable.render(ResultsFile(environment: Self.release), style: TerminalStyle(colour: true)) == "")
    }

    static let warning = "WARNING: debug build: these numbers are not representative; build with -c release."

    @Test func debugBuildsGetAWarningFirst() {
        let debug = Environment(buildConfiguration: "debug")
        #expect(ResultsSummaryTable.render(ResultsFile(environment: debug), style: .plain) == Self.warning + "\n\n")
        #expect(ResultsSummaryTable.render(ResultsFile(environment: debug), style: TerminalStyle(colour: true))
            == "\u{1B}[1;31m" + Self.warning + "\u{1B}[0m\n\n")
        var file = Self.twoBenchmarks
        file.environment = debug
        let plain = ResultsSummaryTable.render(Self.twoBenchmarks, style: .plain)
        #expect(ResultsSummaryTable.render(file, style: .plain) == Self.warning + "\n\n" + plain)
        file.environment = Environment()   // unknown configuration: no warning
        #expect(ResultsSummaryTable.render(file, style: .plain) == plain)
    }

    @Test func colourOnlyAddsEscapes() {
        let plain = ResultsSummaryTable.render(Self.twoBenchmarks, style: .plain)
        let coloured = ResultsSummaryTable.render(Self.twoBenchmarks, style: TerminalStyle(colour: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured != plain)
        #expect(coloured.hasPrefix("\u{1B}[1mbenchmark\u{1B}[0m   \u{1B}[1mtime/op\u{1B}[0m      \u{1B}[1m±\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mthroughput\u{1B}[0m\n"))
        #expect(Self.strippingEscapes(coloured) == plain)
    }

    /// Unfinished benchmarks are listed after the tables, never in them.
    @Test func unfinishedBenchmarksAreListedAfterTheTables() {
        let crashed = BenchmarkResult(name: "b", status: .crashed, message: "signal 11 (SIGSEGV)")
        let timedOut = BenchmarkResult(name: "c", status: .timeout)
        let failed = BenchmarkResult(name: "d", status: .failed, message: "threw")
        let list = "\nCRASHED  b: signal 11 (SIGSEGV)\nTIMEOUT  c: no details\nFAILED  d: threw\n"

        let onlyUnfinished = ResultsFile(environment: Self.release, benchmarks: [crashed, timedOut, failed])
        #expect(ResultsSummaryTable.render(onlyUnfinished, style: .plain) == list)
        #expect(ResultsSummaryTable.render(onlyUnfinished, style: TerminalStyle(colour: true)) == """

            \u{1B}[1;31mCRASHED\u{1B}[0m  b: signal 11 (SIGSEGV)
            \u{1B}[1;31mTIMEOUT\u{1B}[0m  c: no details
            \u{1B}[1;31mFAILED\u{1B}[0m  d: threw

            """)

        var mixed = Self.twoBenchmarks
        mixed.benchmarks.insert(crashed, at: 1)
        mixed.benchmarks.append(contentsOf: [timedOut, failed])
        #expect(ResultsSummaryTable.render(mixed, style: .plain) == ResultsSummaryTable.render(Self.twoBenchmarks, style: .plain) + list)
    }

    /// A hostile name or message cannot clear the screen, retitle the terminal or break the list.
    @Test func unfinishedNamesAndMessagesCannotInjectEscapes() {
        let hostile = BenchmarkResult(name: "evil\u{1B}[2Jname", status: .failed, message: "first\nsecond\u{1B}]0;title\u{07}")
        let text = ResultsSummaryTable.render(ResultsFile(environment: Self.release, benchmarks: [hostile]), style: .plain)
        #expect(text == #"\#nFAILED  evil\u{1B}[2Jname: first\nsecond\u{1B}]0;title\u{7}\#n"#)
    }

    /// The reference-counting pass's metrics get a table of their own, for the benchmarks
    /// that have them; a file without them shows no such table.
    @Test func referenceCountingGetsATableOfItsOwn() {
        func arc(_ id: MetricID, _ value: Double) -> Metric { Metric(unit: id.properties.unit!, exact: true, samples: [value]) }
        let file = ResultsFile(environment: Self.release, benchmarks: [
            BenchmarkResult(name: "copies", iterations: [10], metrics: [
                "time": Self.ns([100]), "retains": arc(.retains, 3), "releases": arc(.releases, 3), "objects": arc(.objects, 0),
            ]),
            BenchmarkResult(name: "plain", iterations: [10], metrics: ["time": Self.ns([100])]),
        ])
        let tables = ResultsSummaryTable.render(file, style: .plain).components(separatedBy: "\n\n")
        #expect(tables.count == 3)
        #expect(tables.last == """
            benchmark  retains/op  releases/op  objects/op
            ----------------------------------------------
            copies              3            3           0

            """)
        #expect(!ResultsSummaryTable.render(Self.twoBenchmarks, style: .plain).contains("retains/op"))
    }

    @Test func customMetricsGetATableOfTheirOwn() {
        let file = ResultsFile(environment: Self.release, benchmarks: [
            BenchmarkResult(name: "a", iterations: [10, 10, 10], metrics: [
                "time": Self.ns([100, 100, 100]),
                "size": Metric(unit: MetricUnit("B"), exact: true, samples: [1536]),
                "hits": Metric(unit: MetricUnit("items"), samples: [3, 5, 4]),
                "ratio": Metric(unit: MetricUnit("x"), samples: [0.25]),
            ]),
            BenchmarkResult(name: "b", iterations: [10, 10], metrics: [
                "hits": Metric(unit: MetricUnit("items"), samples: [1000, 1000]),
            ]),
        ])
        let tables = ResultsSummaryTable.render(file, style: .plain).components(separatedBy: "\n\n")
        #expect(tables.count == 3)
        #expect(tables.last == """
            benchmark  custom metric      value  kind
            ----------------------------------------------
            a          hits             4 items  3 samples
            a          ratio             0.25 x  1 sample
            a          size            1.50 KiB  exact
            b          hits           1 k items  2 samples

            """)
        // Built-in metrics never appear there.
        #expect(tables.first?.contains("100 ns") == true)
        #expect(tables.last?.contains("time") == false)
    }

    @Test(arguments: [
        ([98, 100, 102], "±1.8%"),            // 5th 98.2, 95th 101.8, median 100
        ([90, 110], "±9.0%"),                 // 91 and 109 around 100
        ([100, 200, 300, 1000], "±156.0%"),   // 115 and 895 around a median of 250
        ([10, 10, 10, 10], "±0.0%"),
        ([100], ""),                          // one sample: no spread
        ([0, 0, 0], ""),                      // median 0: no relative spread
    ] as [([Double], String)])
    func spreadOfTheTimeSamples(samples: [Double], expected: String) {
        let file = ResultsFile(benchmarks: [BenchmarkResult(name: "x", iterations: [1], metrics: ["time": Self.ns(samples)])])
        #expect(Self.timeTableCell("±", of: ResultsSummaryTable.render(file, style: .plain)) == expected)
    }

    @Test func spreadIsEmptyWithoutTime() {
        let file = ResultsFile(benchmarks: [BenchmarkResult(name: "x", iterations: [1], metrics: ["cpu": Self.ns([1, 2, 3])])])
        let text = ResultsSummaryTable.render(file, style: .plain)
        #expect(Self.timeTableCell("±", of: text) == "")
        #expect(Self.timeTableCell("time/op", of: text) == "-")
        #expect(Self.timeTableCell("cpu/op", of: text) == "2 ns")
    }

    @Test(arguments: [
        ([], "0×0"),
        ([850, 850], "2×850"),
        ([9_999], "1×9999"),
        ([10_000], "1×10k"),
        ([9_999_999], "1×9999k"),
        ([10_000_000], "1×10M"),
        ([33_500_000, 1], "2×33M"),           // the first sample's count
    ] as [([Int], String)])
    func samplesColumnCountsIterationsCompactly(iterations: [Int], expected: String) {
        let file = ResultsFile(benchmarks: [BenchmarkResult(name: "x", iterations: iterations, metrics: ["time": Self.ns([5])])])
        #expect(Self.timeTableCell("samples", of: ResultsSummaryTable.render(file, style: .plain)) == expected)
    }

    @Test func namesCannotBreakTheTableLayout() {
        let file = ResultsFile(benchmarks: [
            BenchmarkResult(name: "two\nlines\u{1B}[31m", iterations: [1], metrics: ["time": Self.ns([5])]),
        ])
        let text = ResultsSummaryTable.render(file, style: .plain)
        #expect(text.hasPrefix("""
            benchmark             time/op  ±  cpu/op  p50  p90  p99  p99.9  max  timed  samples
            -----------------------------------------------------------------------------------
            two\\nlines\\u{1B}[31m     5 ns          -    -    -    -      -    -      -      1×1
            """))
        #expect(!text.contains("\u{1B}"))
    }

    /// The cell of the time table's row (its first) under the right-aligned column titled
    /// `title`: the text ending where the title ends, back to the gap before it.
    static func timeTableCell(_ title: String, of text: String) -> String? {
        let lines = text.components(separatedBy: "\n")
        guard lines.count > 2, let range = lines[0].range(of: title) else { return nil }
        let end = lines[0].distance(from: lines[0].startIndex, to: range.upperBound)
        let row = Array(lines[2])
        guard row.count >= end else { return nil }
        let upToEnd = String(row[..<end])
        guard !upToEnd.hasSuffix(" ") else { return "" }
        return upToEnd.components(separatedBy: "  ").last?.trimmingCharacters(in: [" "])
    }

    /// `text` without ANSI SGR sequences (`ESC [ ... m`).
    static func strippingEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
