import BenchResults
import GateCore

extension HTMLReportPage {
    /// The most sites a benchmark's site table lists (moved ones come first).
    static let listedSites = 12

    /// The allocation-site diff of one benchmark as a table, and its differential flame
    /// graph (GateCore's `FlameGraph`) when any site moved.
    func sitesPart(_ diff: SiteDiff, benchmark: String, lookup: Lookup) -> String {
        let allocs = MetricUnit.allocationsPerOp, bytes = MetricUnit.bytesPerOp
        var out = "<h3>Allocation sites</h3>\n<p>Profile passes: \(Markup.text(allocs.format(diff.baselineTotal.allocations))) → "
            + "\(Markup.text(allocs.format(diff.currentTotal.allocations))), \(Markup.text(bytes.format(diff.baselineTotal.bytes))) → "
            + "\(Markup.text(bytes.format(diff.currentTotal.bytes)))"
        if !diff.sides.baseline { out += " (the baseline has no allocation sites)" }
        if !diff.sides.current { out += " (the current results have no allocation sites)" }
        out += ".</p>\n"
        let moved = diff.changes.filter { $0.kind != .unchanged }
        let unchanged = diff.changes.count - moved.count
        if unchanged > 0 { out += "<p class=\"muted\">\(unchanged) site\(unchanged == 1 ? "" : "s") unchanged (memgate explain lists every site).</p>\n" }
        guard !moved.isEmpty else { return out + "<p>No site moved.</p>\n" }
        out += "<table class=\"sites\"><thead><tr><th>allocs change</th><th>bytes change</th><th>site</th><th>call chain</th>"
            + "<th>via</th></tr></thead><tbody>\n"
        for change in moved.prefix(Self.listedSites) {
            let line = SiteDiff.line(change)
            let direction = change.kind == .new || change.kind == .grew ? "regression" : "improvement"
            out += "<tr class=\"\(direction)\"><td class=\"n\">\(Markup.text(line.allocations))</td><td class=\"n\">\(Markup.text(line.bytes))</td>"
                + "<td class=\"v\">\(Markup.text(line.kind))</td><td class=\"mono\">\(Markup.userText(line.chain))</td>"
                + "<td class=\"mono\">\(Markup.userText(line.via))</td></tr>\n"
        }
        if moved.count > Self.listedSites {
            out += "<tr><td colspan=\"5\" class=\"muted\">… \(moved.count - Self.listedSites) more sites moved</td></tr>\n"
        }
        out += "</tbody></table>\n"
        let currentSites = lookup.current[benchmark]?.allocationSites.map { [(benchmark: benchmark, sites: $0)] } ?? []
        let baselineSites = lookup.baseline[benchmark]?.allocationSites.map { [(benchmark: benchmark, sites: $0)] } ?? []
        var svg = FlameGraph(current: currentSites, baseline: baselineSites).svg(title: "Allocation sites of \(benchmark)")
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        return out + "<details open=\"\"><summary>Flame graph of the allocation sites</summary><div class=\"flame\">\(svg)</div></details>\n"
    }
}
