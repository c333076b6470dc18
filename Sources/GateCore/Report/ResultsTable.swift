import BenchResults
import CLISupport

/// The `show` view of a results file: one row per benchmark and metric (median, ±,
/// samples), then benchmarks that did not complete, then the environment.
package enum ResultsTable {
    /// Renders `file`; `name` heads the output.
    package static func render(_ file: ResultsFile, name: String, style: TerminalStyle) -> String {
        var text = "\(Escape.terminal(name)): \(file.benchmarks.count) benchmark\(file.benchmarks.count == 1 ? "" : "s")\n"
        if file.environment.isDebugBuild {
            text += style.paint("WARNING: DEBUG BUILD: these numbers are not representative", .red, bold: true) + "\n"
        }
        var table = TextTable(columns: [
            .init("benchmark"), .init("metric"), .init("median", alignment: .right), .init("±", alignment: .right),
            .init("n", alignment: .right), .init("kind"),
        ])
        var failed: [BenchmarkResult] = []
        for benchmark in file.benchmarks {
            guard benchmark.status == .ok else {
                failed.append(benchmark)
                continue
            }
            for metricName in benchmark.orderedMetricNames {
                let metric = benchmark.metrics[metricName]!
                let plusMinus = medianInterval(metric.samples).map { "±" + MetricFormat.percentDigits($0 * 100) + "%" } ?? ""
                let kind = (metric.exact ? "exact" : "noisy") + (metric.better == .higher ? ", higher is better" : "")
                table.addRow([
                    Cell(Escape.terminal(benchmark.name)), Cell(Escape.terminal(metricName)), Cell(metric.unit.format(metric.median)),
                    Cell(plusMinus), Cell(String(metric.samples.count)), Cell(kind),
                ])
            }
        }
        text += "\n" + table.render(style: style)
        if !failed.isEmpty {
            text += "\n"
            for benchmark in failed {
                let message = benchmark.message.map { ": \($0)" } ?? ""
                let line = "\(benchmark.status.rawValue.uppercased())  \(Escape.terminal(benchmark.name))\(Escape.terminal(message))"
                text += style.paint(line, .red) + "\n"
            }
        }
        text += "\nenvironment:\n"
        for (field, value) in environmentFields(file.environment) { text += "  \(field): \(Escape.terminal(value))\n" }
        return text
    }

    /// Half-width of the distribution-free confidence interval of the median (order
    /// statistics at (n ± 1.96 √n) / 2; the full range below 6 samples), relative to the
    /// median; `nil` when the median is 0 or there is one sample.
    package static func medianInterval(_ samples: [Double]) -> Double? {
        guard samples.count > 1 else { return nil }
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        guard median != 0 else { return nil }
        let k = max(0, Int(((n - 1.96 * n.squareRoot()) / 2).rounded(.down)) - 1)
        let lower = sorted[min(k, sorted.count - 1)]
        let upper = sorted[max(sorted.count - 1 - k, 0)]
        return max(median - lower, upper - median) / abs(median)
    }

    package static func environmentFields(_ e: Environment) -> [(String, String)] {
        var fields: [(String, String?)] = [
            ("os", e.os), ("kernel", e.kernel), ("arch", e.arch), ("cpuModel", e.cpuModel), ("cores", e.cores.map(String.init)),
            ("swiftVersion", e.swiftVersion), ("buildConfiguration", e.buildConfiguration), ("gitCommit", e.gitCommit),
            ("gitDirty", e.gitDirty.map { $0 ? "yes" : "no" }), ("allocator", e.allocator), ("benchKitVersion", e.benchKitVersion),
            ("date", e.date),
        ]
        for key in (e.extra ?? [:]).keys.sorted() { fields.append((key, e.extra![key])) }
        return fields.compactMap { field in field.1.map { (field.0, $0) } }
    }
}
