import BenchResults
import GateCore
import GateFormats

extension HTMLReportPage {
    /// Metrics charted even when their rows did not move, in reports of at most
    /// `headlineChartLimit` benchmarks: the headline time and allocation counts. Every row
    /// that moved is charted whatever the size (a 1,000-benchmark page stays under 5 MB).
    static let headlineMetrics: Set<String> = [MetricID.time.rawValue, MetricID.allocs.rawValue]
    /// The most benchmarks a report may have for `headlineMetrics` to be charted.
    package static let headlineChartLimit = 100

    /// Whether `row` is charted (and shown above the collapsed rows).
    func isCharted(_ row: MetricComparison) -> Bool {
        row.verdict.isInteresting || (report.benchmarks.count <= Self.headlineChartLimit && Self.headlineMetrics.contains(row.metric))
    }

    /// One benchmark's `<section>`: heading with its state, what it is (failed, new,
    /// removed), its rows that moved with charts, the rest collapsed, sites and history.
    func section(_ benchmark: BenchmarkComparison, id: Int, lookup: Lookup) -> String {
        let state = self.state(benchmark)
        var out = "<section class=\"bench \(state.className)\" id=\"b\(id)\" aria-labelledby=\"h\(id)\">\n"
        out += "<h2 id=\"h\(id)\"><span class=\"badge \(state.className)\">\(Markup.text(state.word))</span>"
            + "<span class=\"name\">\(Markup.userText(benchmark.name))</span></h2>\n"
        switch benchmark.presence {
        case .failed:
            out += "<p><strong>Failed in the current results:</strong> \(Markup.userText(Report.statusLine(benchmark)))</p>\n"
        case .added: out += "<p>New: only in the current results, nothing to compare with.</p>\n"
        case .removed:
            out += report.allowMissing ? "<p>Removed: only in the baseline (allowed).</p>\n"
                : "<p><strong>Missing:</strong> in the baseline but not in the current results, which fails the check.</p>\n"
        case .baselineFailed:
            out += "<p>Not compared: \(Markup.userText(Report.statusLine(benchmark))) in the baseline.</p>\n"
        case .compared: break
        }
        let charted = benchmark.metrics.filter(isCharted), others = benchmark.metrics.filter { !isCharted($0) }
        if !charted.isEmpty {
            out += metricTable(charted, benchmark: benchmark.name, lookup: lookup, charts: true)
        }
        if !others.isEmpty {
            out += "<details><summary>\(others.count) more metric\(others.count == 1 ? "" : "s") (\(Self.verdictCounts(others)))"
                + "</summary>\n" + metricTable(others, benchmark: benchmark.name, lookup: lookup, charts: false) + "</details>\n"
        }
        if let sites = benchmark.sites { out += sitesPart(sites, benchmark: benchmark, lookup: lookup) }
        if let sites = benchmark.retainSites { out += sitesPart(sites, benchmark: benchmark, lookup: lookup) }
        if let series = trends[benchmark.name], !series.isEmpty {
            out += "<h3>History</h3>\n<div class=\"charts\">"
                + series.map { "<figure class=\"chart\">\(TrendChart(series: $0).svg())<figcaption>\(Markup.userText($0.metric))"
                    + "</figcaption></figure>" }.joined() + "</div>\n"
        }
        return out + "</section>\n"
    }

    /// A table of rows; with `charts`, each row is followed by its samples and change charts.
    private func metricTable(_ rows: [MetricComparison], benchmark: String, lookup: Lookup, charts: Bool) -> String {
        var out = "<table class=\"metrics\"><thead><tr><th>metric</th><th>baseline</th><th>current</th><th>change</th><th>±</th>"
            + "<th>threshold</th><th>verdict</th><th>note</th></tr></thead><tbody>\n"
        for row in rows {
            let rowClass = row.verdict == .pass ? "" : " class=\"\(row.verdict.rawValue)\""
            out += "<tr\(rowClass)><td>\(Markup.userText(row.metric))</td>"
                + "<td>\(Markup.text(MetricFormat.value(row.baseline, row.unit)))</td>"
                + "<td>\(Markup.text(MetricFormat.value(row.current, row.unit)))</td><td>\(Markup.text(MetricFormat.change(row)))</td>"
                + "<td>\(Markup.text(MetricFormat.plusMinus(row)))</td><td>\(Markup.text(row.threshold.text))</td>"
                + "<td class=\"v\">\(Markup.text(row.verdict.label))</td>"
                + "<td>\(row.note.isEmpty ? "" : Markup.userText(row.note))</td></tr>\n"
            if charts { out += chartRow(row, benchmark: benchmark, lookup: lookup) }
        }
        return out + "</tbody></table>\n"
    }

    /// The charts of one row, in a full-width table row.
    private func chartRow(_ row: MetricComparison, benchmark: String, lookup: Lookup) -> String {
        let baselineSamples = lookup.baseline[benchmark]?.metrics[row.metric]?.samples ?? []
        let currentSamples = lookup.current[benchmark]?.metrics[row.metric]?.samples ?? []
        var figures = ""
        if !baselineSamples.isEmpty || !currentSamples.isEmpty {
            figures += SamplesChart(metric: row.metric, unit: row.unit, baseline: baselineSamples, current: currentSamples).svg()
        }
        if let change = ChangeChart(row) { figures += change.svg() }
        guard !figures.isEmpty else { return "" }
        return "<tr class=\"charts-row\"><td colspan=\"8\"><div class=\"charts\">\(figures)</div></td></tr>\n"
    }

    /// `3 ok, 2 not gated`: how many rows have each verdict, in verdict order.
    static func verdictCounts(_ rows: [MetricComparison]) -> String {
        Verdict.allCases.compactMap { verdict in
            let count = rows.count { $0.verdict == verdict }
            return count == 0 ? nil : "\(count) \(verdict.label)"
        }.joined(separator: ", ")
    }
}
