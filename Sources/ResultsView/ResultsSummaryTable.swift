import BenchResults
import DescriptiveStatistics
import CLISupport

/// Renders results as compact terminal tables: one for time and latency, one for memory,
/// one for Swift reference counting (retains, releases, objects) and one for custom metrics
/// when any exist, and a list of benchmarks that did not finish.
/// Benchmark executables print it, and so does `memgate run`.
///
/// Every cell is the median over samples; time per op also shows the spread of the
/// samples as ±% (half the range between the 5th and 95th percentile, relative).
package enum ResultsSummaryTable {
    /// The tables for `file`, ending with a newline (empty when there is nothing to show);
    /// colour only when `style` allows. Names and messages are made terminal-safe.
    package static func render(_ file: ResultsFile, style: TerminalStyle) -> String {
        let finished = file.benchmarks.filter { $0.status == .ok }
        var text = ""
        if file.environment.isDebugBuild {
            let warning = "WARNING: debug build: these numbers are not representative; build with -c release."
            text += style.paint(warning, .red, bold: true) + "\n\n"
        }
        if !finished.isEmpty {
            text += timeTable(finished).render(style: style) + "\n"
            text += memoryTable(finished).render(style: style)
            if let arc = arcTable(finished) { text += "\n" + arc.render(style: style) }
            if let custom = customTable(finished) { text += "\n" + custom.render(style: style) }
        }
        let unfinished = file.benchmarks.filter { $0.status != .ok }
        if !unfinished.isEmpty {
            text += "\n"
            for benchmark in unfinished {
                text += style.paint("\(benchmark.status.rawValue.uppercased())", .red, bold: true)
                // Names and messages come from the benchmark: never let them inject escapes.
                text += "  \(terminalSafe(benchmark.name)): \(terminalSafe(benchmark.message ?? "no details"))\n"
            }
        }
        return text
    }

    private static func timeTable(_ benchmarks: [BenchmarkResult]) -> TextTable {
        let quantiles = MetricID.latencyQuantiles
        var table = TextTable(columns: [.init("benchmark"), .init("time/op", alignment: .right), .init("±", alignment: .right),
                                        .init("cpu/op", alignment: .right)]
                              + quantiles.map { .init($0.rawValue, alignment: .right) }
                              + [.init("timed", alignment: .right), .init("samples", alignment: .right)])
        for benchmark in benchmarks {
            let timed = benchmark.latency.map { $0.isPerIteration ? "each" : "×\($0.batchSize)" } ?? "-"
            table.addRow([Cell(benchmark.name), cell(benchmark[.time]), Cell(spread(benchmark[.time])), cell(benchmark[.cpu])]
                         + quantiles.map { cell(benchmark[$0]) }
                         + [Cell(timed), Cell("\(benchmark.iterations.count)×\(compactCount(benchmark.iterations.first ?? 0))")])
        }
        return table
    }

    private static func memoryTable(_ benchmarks: [BenchmarkResult]) -> TextTable {
        let columns: [(MetricID, String)] = [
            (.allocs, "allocs/op"), (.bytes, "B/op"), (.frees, "frees/op"), (.retained, "retained/op"),
            (.peakRSS, "peak RSS"), (.rssGrowth, "RSS growth"), (.throughput, "throughput"),
        ]
        var table = TextTable(columns: [.init("benchmark")] + columns.map { .init($0.1, alignment: .right) })
        for benchmark in benchmarks {
            table.addRow([Cell(benchmark.name)] + columns.map { cell(benchmark[$0.0], plainCount: $0.0 != .throughput) })
        }
        return table
    }

    /// Retains, releases and objects per op, when the reference-counting pass ran.
    private static func arcTable(_ benchmarks: [BenchmarkResult]) -> TextTable? {
        let counted = benchmarks.filter { $0[.retains] != nil }
        guard !counted.isEmpty else { return nil }
        let columns: [(MetricID, String)] = [(.retains, "retains/op"), (.releases, "releases/op"), (.objects, "objects/op")]
        var table = TextTable(columns: [.init("benchmark")] + columns.map { .init($0.1, alignment: .right) })
        for benchmark in counted {
            table.addRow([Cell(benchmark.name)] + columns.map { cell(benchmark[$0.0], plainCount: true) })
        }
        return table
    }

    private static func customTable(_ benchmarks: [BenchmarkResult]) -> TextTable? {
        var rows: [[Cell]] = []
        for benchmark in benchmarks {
            for name in benchmark.orderedMetricNames where MetricID(rawValue: name) == nil {
                let metric = benchmark.metrics[name]!
                let kind = metric.exact ? "exact" : metric.samples.count == 1 ? "1 sample" : "\(metric.samples.count) samples"
                rows.append([Cell(benchmark.name), Cell(name), cell(metric), Cell(kind)])
            }
        }
        guard !rows.isEmpty else { return nil }
        var table = TextTable(columns: [.init("benchmark"), .init("custom metric"), .init("value", alignment: .right), .init("kind")])
        for row in rows { table.addRow(row) }
        return table
    }

    /// The median, unit-formatted; counts per op print as plain numbers.
    private static func cell(_ metric: Metric?, plainCount: Bool = false) -> Cell {
        guard let metric else { return Cell("-") }
        if plainCount && metric.unit.scale == .decimal {
            return Cell(MetricUnit.threeDigits(metric.median))
        }
        let text = metric.unit.format(metric.median)
        // Drop the unit suffix shown in the header ("/op") to keep columns narrow.
        return Cell(text.hasSuffix("/op") ? String(text.dropLast(3)) : text)
    }

    /// The samples' spread (`Descriptive.relativeSpread`), as "±1.2%".
    private static func spread(_ metric: Metric?) -> String {
        guard let metric, metric.samples.count >= 2, metric.median > 0,
              let spread = Descriptive.relativeSpread(metric.samples) else { return "" }
        return "±\(MetricUnit.fixed(spread * 100, decimals: 1))%"
    }

    /// `850`, `12k`, `33M`: iterations per sample at a glance.
    private static func compactCount(_ count: Int) -> String {
        switch count {
        case ..<10_000: "\(count)"
        case ..<10_000_000: "\(count / 1_000)k"
        default: "\(count / 1_000_000)M"
        }
    }
}
