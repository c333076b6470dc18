import CLISupport
extension Report {
    /// Writes the report as GitHub-flavoured Markdown, for PR comments and
    /// `$GITHUB_STEP_SUMMARY`: a heading with the outcome, warnings as quotes, a table of
    /// the interesting rows (all rows when verbose), and lists of failed/new/removed
    /// benchmarks. Every name is escaped (`Escape.markdown`).
    package func writeMarkdown(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        let icon = outcomeWord(regression: "❌", inconclusive: "⚠️", pass: "✅")
        out.write("### \(icon) memgate \(mode.rawValue): \(Escape.markdown(summaryLine))\n\n")
        out.write("Baseline `\(Report.codeSpan(baselineName))`, current `\(Report.codeSpan(currentName))`.\n\n")
        for warning in warnings {
            out.write(warning.hasPrefix("DEBUG") ? "> **⚠️ \(Escape.markdown(warning))**\n\n" : "> \(Escape.markdown(warning))\n\n")
        }
        var rows: [String] = []
        for benchmark in benchmarks where benchmark.presence == .compared {
            for row in visibleRows(benchmark, verbose: options.verbose) {
                let cells = [
                    Escape.markdown(benchmark.name), Escape.markdown(row.metric),
                    Escape.markdown(MetricFormat.value(row.baseline, row.unit)),
                    Escape.markdown(MetricFormat.value(row.current, row.unit)),
                    Escape.markdown(MetricFormat.change(row)), Escape.markdown(MetricFormat.plusMinus(row)),
                    row.verdict == .regression ? "**\(row.verdict.label)**" : row.verdict.label,
                    Escape.markdown(row.note),
                ]
                rows.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        if !rows.isEmpty {
            out.write("| benchmark | metric | baseline | current | change | ± | verdict | note |\n")
            out.write("|---|---|--:|--:|--:|--:|---|---|\n")
            let shown = min(rows.count, options.maxRows ?? rows.count)
            for row in rows[..<shown] { out.write(row + "\n") }
            if shown < rows.count {
                out.write("\n…and \(rows.count - shown) more row\(rows.count - shown == 1 ? "" : "s") (see the full report).\n")
            }
            out.write("\n")
        }
        writeMarkdownSiteSections(to: &out, layout: options.chains)
        let lists: [(String, [BenchmarkComparison])] = [
            ("Failed in current", benchmarks(.failed)), ("Failed in the baseline (not compared)", benchmarks(.baselineFailed)),
            ("New", benchmarks(.added)),
            (allowMissing ? "Removed (allowed)" : "Missing from current (fails the check)", benchmarks(.removed)),
        ]
        for (title, entries) in lists where !entries.isEmpty {
            out.write("**\(title)**\n\n")
            for entry in entries {
                let status = entry.presence == .failed || entry.presence == .baselineFailed
                    ? ": " + Escape.markdown(Report.statusLine(entry)) : ""
                out.write("- \(Escape.markdown(entry.name))\(status)\n")
            }
            out.write("\n")
        }
    }

    /// Text safe inside a single-backtick code span on one line: backticks and control
    /// characters made harmless.
    static func codeSpan(_ text: String) -> String {
        terminalSafe(text).replacingBackticks()
    }
}

extension String {
    /// This string with backticks replaced by `'` (a code span cannot contain its delimiter).
    func replacingBackticks() -> String { String(map { $0 == "`" ? "'" : $0 }) }
}
