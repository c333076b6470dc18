import BenchResults
import GateCore

extension HTMLReportPage {
    /// The most sites a benchmark's site table lists (moved ones come first).
    static let listedSites = 12

    /// The allocation-site (or retain-site) diff of one benchmark as a table, and its
    /// differential flame graph (GateCore's `FlameGraph`) when any site moved; for each
    /// regressed row the sites explain, what they leave unexplained (`SiteDiff.remainder`), as
    /// the text report says.
    func sitesPart(_ diff: SiteDiff, benchmark: BenchmarkComparison, lookup: Lookup) -> String {
        let allocs = diff.event.unit, bytes = MetricUnit.bytesPerOp
        let kind = diff.event.noun
        var totals = "\(Markup.text(allocs.format(diff.baselineTotal.allocations))) → "
            + "\(Markup.text(allocs.format(diff.currentTotal.allocations)))"
        if diff.event.countsBytes {
            totals += ", \(Markup.text(bytes.format(diff.baselineTotal.bytes))) → \(Markup.text(bytes.format(diff.currentTotal.bytes)))"
        }
        if !diff.sides.baseline { totals += " (the baseline has no \(kind) sites)" }
        if !diff.sides.current { totals += " (the current results have no \(kind) sites)" }
        // Ordered and classified as the text report does: by bytes when only B/op regressed.
        let measure = SiteDiff.measure(for: benchmark.regressedRows(explainedBy: diff.event))
        let moved = diff.grown(by: measure) + diff.shrunk(by: measure)
        let unchanged = diff.changes.count - moved.count
        let unchangedText = unchanged == 0 ? "" : "; \(unchanged) site\(unchanged == 1 ? "" : "s") unchanged"
        let remainders = benchmark.regressedRows(explainedBy: diff.event).compactMap { row in
            diff.remainder(for: row).map { "<p>\(Markup.userText(row.metric)): \(Markup.userText($0)).</p>\n" }
        }.joined()
        // Nothing recorded on either side and nothing to explain: no line at all.
        if diff.changes.isEmpty && remainders.isEmpty && diff.baselineTotal == (0, 0) && diff.currentTotal == (0, 0) { return "" }
        guard !moved.isEmpty else {
            return "<p class=\"muted\">\(kind.capitalized) sites (profile passes): \(totals)\(unchangedText), none moved "
                + "(memgate explain lists every site).</p>\n" + remainders
        }
        var out = "<h3>\(kind.capitalized) sites</h3>\n"
            + "<p>Profile passes: \(totals); \(moved.count) moved\(unchangedText).</p>\n" + remainders
        out += "<table class=\"sites\"><thead><tr><th>\(diff.event.countMetric) change</th>"
            + (diff.event.countsBytes ? "<th>bytes change</th>" : "") + "<th>site</th><th>call chain</th><th>via</th></tr></thead><tbody>\n"
        for change in moved.prefix(Self.listedSites) {
            let line = SiteDiff.line(change, by: measure, event: diff.event)
            let direction = line.isGrowth ? "regression" : "improvement"
            out += "<tr class=\"\(direction)\"><td class=\"n\">\(Markup.text(line.allocations))</td>"
                + (diff.event.countsBytes ? "<td class=\"n\">\(Markup.text(line.bytes))</td>" : "")
                + "<td class=\"v\">\(Markup.text(line.kind))</td><td class=\"mono\">\(Markup.userText(line.chain))</td>"
                + "<td class=\"mono\">\(Markup.userText(line.via))</td></tr>\n"
        }
        if moved.count > Self.listedSites {
            out += "<tr><td colspan=\"\(diff.event.countsBytes ? 5 : 4)\" class=\"muted\">"
                + "… \(moved.count - Self.listedSites) more sites moved</td></tr>\n"
        }
        out += "</tbody></table>\n"
        let name = benchmark.name
        let currentSites = lookup.current[name].flatMap(diff.event.profile).map { [(benchmark: name, sites: $0)] } ?? []
        let baselineSites = lookup.baseline[name].flatMap(diff.event.profile).map { [(benchmark: name, sites: $0)] } ?? []
        var svg = FlameGraph(current: currentSites, baseline: baselineSites)
            .svg(title: "\(kind.capitalized) sites of \(name)", unit: diff.event.unit)
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        return out + "<details open=\"\"><summary>Flame graph of the \(kind) sites</summary>"
            + "<div class=\"flame\">\(svg)</div></details>\n"
    }
}
