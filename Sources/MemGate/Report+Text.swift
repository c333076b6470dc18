extension Report {
    /// Writes the terminal report: a header, warnings, a table (benchmark, metric,
    /// baseline, current, change, ±, verdict, note), lists of failed/new/removed
    /// benchmarks, and the summary line.
    ///
    ///     var out = ""
    ///     report.writeText(to: &out, options: RenderOptions(color: false, verbose: true))
    public func writeText(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        let paint = Paint(enabled: options.color)
        out.write("memgate \(mode.rawValue): \(Escape.terminal(baselineName)) -> \(Escape.terminal(currentName))\n")
        for warning in warnings {
            let loud = warning.hasPrefix("DEBUG") ? paint.red("WARNING: " + warning) : paint.yellow("note: " + warning)
            out.write(loud + "\n")
        }
        var table: [[String]] = [["benchmark", "metric", "baseline", "current", "change", "±", "verdict", "note"]]
        var colors: [Verdict?] = [nil]
        for benchmark in benchmarks where benchmark.presence == .compared {
            for row in visibleRows(benchmark, verbose: options.verbose) {
                table.append([
                    Escape.terminal(benchmark.name), Escape.terminal(row.metric),
                    MetricFormat.value(row.baseline, row.unit), MetricFormat.value(row.current, row.unit),
                    MetricFormat.change(row), MetricFormat.plusMinus(row), row.verdict.label, Escape.terminal(row.note),
                ])
                colors.append(row.verdict)
            }
        }
        if table.count > 1 {
            out.write("\n")
            for line in TextColumns.layout(table, rightAligned: [2, 3, 4, 5]).enumerated() {
                let text = colors[line.offset].map { paint.verdict($0, line.element) } ?? line.element
                out.write(text + "\n")
            }
        }
        let failed = benchmarks(.failed), added = benchmarks(.added), removed = benchmarks(.removed)
        let notCompared = benchmarks(.baselineFailed)
        if !failed.isEmpty || !added.isEmpty || !removed.isEmpty || !notCompared.isEmpty { out.write("\n") }
        for benchmark in failed {
            out.write(paint.red("FAILED   \(Escape.terminal(benchmark.name)): \(Escape.terminal(Report.statusLine(benchmark)))") + "\n")
        }
        for benchmark in notCompared {
            out.write("SKIPPED  \(Escape.terminal(benchmark.name)): \(Escape.terminal(Report.statusLine(benchmark))) in the baseline; not compared\n")
        }
        for benchmark in added { out.write("NEW      \(Escape.terminal(benchmark.name))\n") }
        for benchmark in removed { out.write("REMOVED  \(Escape.terminal(benchmark.name))\n") }
        let hidden = options.verbose ? 0 : counts.passed + counts.reported
        if hidden > 0 {
            out.write("\n(\(hidden) unremarkable row\(hidden == 1 ? "" : "s") hidden; --all shows them)\n")
        } else {
            out.write("\n")
        }
        let summary = summaryLine
        out.write(paint.summary(outcome, summary) + "\n")
    }
}

/// ANSI colouring, or none.
struct Paint {
    var enabled: Bool

    func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { wrap("1;31", text) }
    func yellow(_ text: String) -> String { wrap("33", text) }
    func green(_ text: String) -> String { wrap("32", text) }

    func verdict(_ verdict: Verdict, _ text: String) -> String {
        switch verdict {
        case .regression, .missing: red(text)
        case .inconclusive: yellow(text)
        case .improvement: green(text)
        default: text
        }
    }

    func summary(_ outcome: ExitCode, _ text: String) -> String {
        switch outcome {
        case .regression: red(text)
        case .inconclusive: yellow(text)
        default: green(text)
        }
    }
}

/// Left/right-aligned columns separated by two spaces, trailing spaces trimmed.
enum TextColumns {
    /// Lays out `rows` (the first is the header) with each column as wide as its widest cell.
    static func layout(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
