import BenchResults
import GateCore

extension HTMLReportPage {
    /// The most sites a benchmark's site table lists (moved ones come first).
    static let listedSites = 12

    /// The allocation-site diff of one benchmark as a table, and its differential flame
    /// graph (GateCore's `FlameGraph`) when any site moved; for each regressed allocs/op or
    /// B/op row, what the sites leave unexplained (`SiteDiff.remainder`), as the text report says.
    func sitesPart(_ diff: SiteDiff, benchmark: BenchmarkComparison, lookup: Lookup) -> String {
        let allocs = MetricUnit.allocationsPerOp, bytes = MetricUnit.bytesPerOp
        var totals = "\(Markup.text(allocs.format(diff.baselineTotal.allocations))) → "
            + "\(Markup.text(allocs.format(diff.currentTotal.allocations))), \(Markup.text(bytes.format(diff.baselineTotal.bytes))) → "
            + "\(Markup.text(bytes.format(diff.currentTotal.bytes)))"
        if !diff.sides.baseline { totals += " (the baseline has no allocation sites)" }
        if !diff.sides.current { totals += " (the current results have no allocation sites)" }
        let moved = diff.changes.filter { $0.kind != .unchanged }
        let unchanged = diff.changes.count - moved.count
        let unchangedText = unchanged == 0 ? "" : "; \(unchanged) site\(unchanged == 1 ? "" : "s") unchanged"
        let remainders = benchmark.regressedAllocationRows.compactMap { row in
            diff.remainder(for: row).map { "<p>\(Markup.userText(row.metric)): \(Markup.userText($0)).</p>\n" }
        }.joined()
        guard !moved.isEmpty else {
            return "<p class=\"muted\">Allocation sites (profile passes): \(totals)\(unchangedText), none moved "
                + "(memgate explain lists every site).</p>\n" + remainders
        }
        var out = "<h3>Allocation sites</h3>\n<p>Profile passes: \(totals); \(moved.count) moved\(unchangedText).</p>\n" + remainders
        out += "<table class=\"sites\"><thead><tr><th>allocs change</th><th>bytes change</th><th>site</th><th>call chain</th>"
            + "<th>via</th></tr></thead><tbody>\n"
        for change in moved.prefix(Self.listedSites) {
            let line = SiteDiff.line(change)
            let direction = change.kind == .new || change.kind == .grew ? "regression" : "improvement"
            out += "<tr class=\"\(direction)\"><td class=\"n\">\(Markup.text(line.allocations))</td>"
                + "<td class=\"n\">\(Markup.text(line.bytes))</td>"
                + "<td class=\"v\">\(Markup.text(line.kind))</td><td class=\"mono\">\(Markup.userText(line.chain))</td>"
                + "<td class=\"mono\">\(Markup.userText(line.via))</td></tr>\n"
        }
        if moved.count > Self.listedSites {
            out += "<tr><td colspan=\"5\" class=\"muted\">… \(moved.count - Self.listedSites) more sites moved</td></tr>\n"
        }
        out += "</tbody></table>\n"
        let name = benchmark.name
        let currentSites = lookup.current[name]?.allocationSites.map { [(benchmark: name, sites: $0)] } ?? []
        let baselineSites = lookup.baseline[name]?.allocationSites.map { [(benchmark: name, sites: $0)] } ?? []
        var svg = FlameGraph(current: currentSites, baseline: baselineSites).svg(title: "Allocation sites of \(name)")
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        return out + "<details open=\"\"><summary>Flame graph of the allocation sites</summary>"
            + "<div class=\"flame\">\(svg)</div></details>\n"
    }
}
