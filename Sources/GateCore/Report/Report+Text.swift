import CLISupport

extension Report {
    /// Writes the terminal report: a header, warnings, a table (benchmark, metric,
    /// baseline, current, change, ±, verdict, note), lists of failed/new/missing (or, when
    /// allowed, removed) benchmarks, and the summary line.
    ///
    ///     var out = ""
    ///     report.writeText(to: &out, options: RenderOptions(color: false, verbose: true))
    package func writeText(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        let paint = Paint(enabled: options.color)
        out.write("memgate \(mode.rawValue): \(terminalSafe(baselineName)) -> \(terminalSafe(currentName))\n")
        for warning in warnings {
            let loud = warning.hasPrefix("DEBUG") ? paint.red("WARNING: " + warning) : paint.yellow("note: " + warning)
            out.write(loud + "\n")
        }
        var table = TextTable(columns: [
            .init("benchmark"), .init("metric"), .init("baseline", alignment: .right), .init("current", alignment: .right),
            .init("change", alignment: .right), .init("±", alignment: .right), .init("verdict"), .init("note"),
        ])
        var rowCount = 0
        for benchmark in benchmarks where benchmark.presence == .compared {
            for row in visibleRows(benchmark, verbose: options.verbose) {
                table.addRow([
                    Cell(terminalSafe(benchmark.name)), Cell(terminalSafe(row.metric)),
                    Cell(MetricFormat.value(row.baseline, row.unit)), Cell(MetricFormat.value(row.current, row.unit)),
                    Cell(MetricFormat.change(row)), Cell(MetricFormat.plusMinus(row)),
                    Cell(row.verdict.label, colour: paint.colour(row.verdict), bold: row.verdict == .regression),
                    Cell(terminalSafe(row.note)),
                ])
                rowCount += 1
            }
        }
        if rowCount > 0 {
            out.write("\n")
            out.write(table.render(style: paint.style))
        }
        writeSiteSections(to: &out, paint: paint, layout: options.chains)
        let failed = benchmarks(.failed), added = benchmarks(.added), removed = benchmarks(.removed)
        let notCompared = benchmarks(.baselineFailed)
        if !failed.isEmpty || !added.isEmpty || !removed.isEmpty || !notCompared.isEmpty { out.write("\n") }
        for benchmark in failed {
            out.write(paint.red("FAILED   \(terminalSafe(benchmark.name)): \(terminalSafe(Report.statusLine(benchmark)))") + "\n")
        }
        for benchmark in notCompared {
            out.write("SKIPPED  \(terminalSafe(benchmark.name)): \(terminalSafe(Report.statusLine(benchmark))) "
                + "in the baseline; not compared\n")
        }
        for benchmark in added { out.write("NEW      \(terminalSafe(benchmark.name))\n") }
        for benchmark in removed {
            if allowMissing {
                out.write("REMOVED  \(terminalSafe(benchmark.name)) (allowed)\n")
            } else {
                out.write(paint.red("MISSING  \(terminalSafe(benchmark.name)): \(missingBenchmarkText)") + "\n")
            }
        }
        let hidden = options.verbose ? 0 : benchmarks.reduce(0) { $0 + $1.metrics.count { !$0.verdict.isInteresting } }
        if hidden > 0 {
            out.write("\n(\(hidden) unremarkable row\(hidden == 1 ? "" : "s") hidden; --all shows them)\n")
        } else {
            out.write("\n")
        }
        out.write(outcomeWord(regression: paint.red, inconclusive: paint.yellow, pass: paint.green)(summaryLine) + "\n")
    }
}

/// ANSI colouring, or none, through CLISupport's `TerminalStyle`.
struct Paint {
    var enabled: Bool
    var style: TerminalStyle { TerminalStyle(colour: enabled) }

    func red(_ text: String) -> String { style.paint(text, .red, bold: true) }
    func yellow(_ text: String) -> String { style.paint(text, .yellow) }
    func green(_ text: String) -> String { style.paint(text, .green) }

    func colour(_ verdict: Verdict) -> ANSIColour? {
        switch verdict {
        case .regression, .missing: .red
        case .inconclusive: .yellow
        case .improvement: .green
        default: nil
        }
    }
}
