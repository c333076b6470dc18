import BenchResults
import BenchStatistics
import CLISupport

/// The `show` view of a results file: one row per benchmark and metric (median, ±,
/// samples), then benchmarks that did not complete, then the environment.
package enum ResultsTable {
    /// Renders `file`; `name` heads the output.
    package static func render(_ file: ResultsFile, name: String, style: TerminalStyle) -> String {
        var text = "\(terminalSafe(name)): \(file.benchmarks.count) benchmark\(file.benchmarks.count == 1 ? "" : "s")\n"
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
                let interval = MedianInterval.relativeHalfWidth(metric.samples)
                let plusMinus = interval.map { "±" + MetricFormat.percentDigits($0 * 100) + "%" } ?? ""
                let kind = (metric.exact ? "exact" : "noisy") + (metric.better == .higher ? ", higher is better" : "")
                table.addRow([
                    Cell(terminalSafe(benchmark.name)), Cell(terminalSafe(metricName)), Cell(metric.unit.format(metric.median)),
                    Cell(plusMinus), Cell(String(metric.samples.count)), Cell(kind),
                ])
            }
        }
        text += "\n" + table.render(style: style)
        if !failed.isEmpty {
            text += "\n"
            for benchmark in failed {
                let message = benchmark.message.map { ": \($0)" } ?? ""
                let line = "\(benchmark.status.rawValue.uppercased())  \(terminalSafe(benchmark.name))\(terminalSafe(message))"
                text += style.paint(line, .red) + "\n"
            }
        }
        text += "\nenvironment:\n"
        for (field, value) in environmentFields(file.environment) { text += "  \(field): \(terminalSafe(value))\n" }
        return text
    }

    /// The known fields of `e` (`Environment.fields`; yes/no for flags), then `extra`'s by key.
    package static func environmentFields(_ e: Environment) -> [(String, String)] {
        var fields: [(String, String?)] = Environment.fields.map { field in
            guard case .boolean(let path) = field.value else { return (field.key, field.text(in: e)) }
            return (field.key, e[keyPath: path].map { $0 ? "yes" : "no" })
        }
        for key in (e.extra ?? [:]).keys.sorted() { fields.append((key, e.extra![key])) }
        return fields.compactMap { field in field.1.map { (field.0, $0) } }
    }
}
