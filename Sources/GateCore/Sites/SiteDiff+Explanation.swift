import BenchResults
import CLISupport

extension SiteDiff {
    /// The whole diff as text, for `memgate explain`: a line with both passes' totals, every
    /// site (moved ones first) with its baseline and current values, and the unattributed
    /// parts. Each site's chain is its first frame on the row and the rest on lines under it
    /// (`SiteChain.lines`, laid out by `layout`). Names are made terminal-safe.
    package func explanation(benchmark: String, style: TerminalStyle = .plain, layout: ChainLayout = ChainLayout()) -> String {
        let allocs = event.unit, bytes = MetricUnit.bytesPerOp
        var text = "\(terminalSafe(benchmark)): \(allocs.format(baselineTotal.allocations)) -> \(allocs.format(currentTotal.allocations))"
        if event.countsBytes { text += ", \(bytes.format(baselineTotal.bytes)) -> \(bytes.format(currentTotal.bytes))" }
        if !sides.baseline { text += " (the baseline has no \(event.noun) sites)" }
        if !sides.current { text += " (the current results have no \(event.noun) sites)" }
        text += "\n"
        // Retain sites have no bytes: their table has no bytes column (the fourth).
        func row<T>(_ cells: [T]) -> [T] { cells.removing(at: 3, if: !event.countsBytes) }
        var table = TextTable(columns: row([
            .init("baseline", alignment: .right), .init("current", alignment: .right), .init("change", alignment: .right),
            .init("bytes change", alignment: .right), .init("site"), .init("call chain"), .init("via"),
        ]))
        var under: [[String]] = []
        for change in changes {
            let line = Self.line(change, event: event)
            under.append(line.frames.lines(layout))
            let colour: ANSIColour? = change.kind.isGrowth ? .red : change.kind.isShrinkage ? .green : nil
            table.addRow(row([
                Cell(allocs.format(change.baselineAllocations)), Cell(allocs.format(change.currentAllocations)),
                Cell(line.allocations), Cell(line.bytes), Cell(line.kind, colour: colour), Cell(line.frames.site), Cell(line.via),
            ]))
        }
        if baselineUnattributed != (0, 0) || currentUnattributed != (0, 0) {
            table.addRow(row([
                Cell(allocs.format(baselineUnattributed.allocations)), Cell(allocs.format(currentUnattributed.allocations)),
                Cell(Self.signed(unattributedAllocationsDelta, allocs)), Cell(Self.signed(unattributedBytesDelta, bytes)),
                Cell("-"), Cell("(unattributed: sites not kept or not recorded)"), Cell(""),
            ]))
        }
        if changes.isEmpty && baselineUnattributed == (0, 0) && currentUnattributed == (0, 0) { return text + "  no \(event.rawValue)\n" }
        for line in SiteChain.interleave(table.render(style: style), headerLines: 2, under: under) { text += line + "\n" }
        return text
    }
}
