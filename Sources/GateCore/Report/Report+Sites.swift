import CLISupport

extension Report {
    /// The benchmarks whose allocs/op or B/op (or retains/op) regressed and that have sites
    /// to name, with those rows: what every format explains under its table. Allocation sites
    /// before retain sites, per benchmark.
    package var siteExplanations: [(benchmark: BenchmarkComparison, rows: [MetricComparison], diff: SiteDiff)] {
        benchmarks.flatMap { benchmark in
            SiteEvent.allCases.compactMap { event in
                let rows = benchmark.regressedRows(explainedBy: event)
                guard !rows.isEmpty, let diff = benchmark.siteDiff(event) else { return nil }
                return (benchmark, rows, diff)
            }
        }
    }

    /// What the regressed rows changed by, in words: `allocs +1 allocs/op, bytes +48 B/op`.
    static func rowChanges(_ rows: [MetricComparison]) -> String {
        rows.map { row in
            guard let b = row.baseline, let c = row.current else { return row.metric }
            return "\(row.metric) \(SiteDiff.signed(c - b, row.unit))"
        }.joined(separator: ", ")
    }

    /// The text report's site sections: per explained benchmark, the sites that grew or
    /// appeared and those that shrank, and what they leave unexplained; each site's first frame
    /// on its row, the rest of its chain under it (`SiteChain.lines`, laid out by `layout`).
    func writeSiteSections(to out: inout some TextOutputStream, paint: Paint, layout: ChainLayout) {
        for (benchmark, rows, diff) in siteExplanations {
            out.write("\nWhere \(terminalSafe(benchmark.name)) \(diff.event.verb) differently (\(Report.rowChanges(rows)); per op):\n")
            let lines = diff.movedLines(by: SiteDiff.measure(for: rows))
            if lines.isEmpty { out.write("  no site moved\n") }
            // Retain sites have no bytes column (the second).
            func row<T>(_ cells: [T]) -> [T] { cells.removing(at: 1, if: !diff.event.countsBytes) }
            var table = TextTable(columns: row([
                .init(diff.event.countMetric, alignment: .right), .init("bytes", alignment: .right), .init("site"), .init("call chain"),
                .init("via"),
            ]))
            for line in lines {
                table.addRow(row([
                    Cell(line.allocations), Cell(line.bytes),
                    Cell(line.kind, colour: line.isGrowth ? .red : .green),
                    Cell(line.frames.site), Cell(line.via),  // TextTable makes cells terminal-safe
                ]))
            }
            let under = lines.map { $0.frames.lines(layout) }
            for rendered in SiteChain.interleave(table.render(style: paint.style, header: false), headerLines: 0, under: under) {
                out.write(rendered + "\n")
            }
            for row in rows { if let remainder = diff.remainder(for: row) { out.write("  (\(row.metric): \(remainder))\n") } }
        }
    }

    /// The Markdown report's site sections (`writeSiteSections`, as lists; chains to `layout.budget` frames).
    func writeMarkdownSiteSections(to out: inout some TextOutputStream, layout: ChainLayout) {
        for (benchmark, rows, diff) in siteExplanations {
            out.write("**Where \(Escape.markdown(benchmark.name)) \(diff.event.verb) differently** "
                + "(\(Escape.markdown(Report.rowChanges(rows))); per op)\n\n")
            for line in diff.movedLines(by: SiteDiff.measure(for: rows), budget: layout.budget) {
                let via = line.via.isEmpty ? "" : " (\(Escape.markdown(line.via)))"
                let amounts = line.bytes.isEmpty ? line.allocations : "\(line.allocations), \(line.bytes)"
                out.write("- \(Escape.markdown(amounts)): "
                    + "\(line.kind) `\(Report.codeSpan(line.chain))`\(via)\n")
            }
            for row in rows {
                guard let remainder = diff.remainder(for: row) else { continue }
                out.write("- \(Escape.markdown(row.metric)): \(Escape.markdown(remainder))\n")
            }
            out.write("\n")
        }
    }

    /// The site sentences for one regressed row's annotation or JUnit message: up to three
    /// moved sites (chains to `layout.budget` frames), then what they leave unexplained; empty
    /// when the row has none.
    func siteSentences(_ benchmark: BenchmarkComparison, _ row: MetricComparison, layout: ChainLayout) -> [String] {
        guard let event = SiteEvent.allCases.first(where: { $0.explainedMetrics.contains(row.metric) }),
              let diff = benchmark.siteDiff(event), benchmark.regressedRows(explainedBy: event).contains(where: { $0.metric == row.metric })
        else { return [] }
        let moved = diff.movedLines(limit: 3, by: SiteDiff.measure(for: [row]), budget: layout.budget)
        return moved.map(\.sentence) + (diff.remainder(for: row).map { [$0] } ?? [])
    }
}
