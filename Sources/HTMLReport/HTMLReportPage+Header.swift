import CLISupport
import GateCore

extension HTMLReportPage {
    /// The most findings the header lists before counting the rest.
    static let listedFindings = 50

    /// The top of the page: the verdict line (the text report's summary line), the exit
    /// code, the files, the warnings, and the findings that decided the verdict.
    func header(_ ordered: [BenchmarkComparison]) -> String {
        let verdictClass = report.outcomeWord(regression: "fail", inconclusive: "inconclusive", pass: "pass")
        var out = "<header>\n<h1>memgate \(Markup.text(report.mode.rawValue)) report</h1>\n"
        out += "<p class=\"verdict \(verdictClass)\" id=\"verdict\">\(Markup.text(report.summaryLine))</p>\n"
        out += "<p id=\"exit-code\"><strong>\(Markup.text(command)) exits \(exitCode.rawValue)</strong> "
            + "(\(Self.exitMeaning(exitCode))).</p>\n"
        out += "<p>Baseline <code>\(Markup.userText(report.baselineName))</code> → current "
            + "<code>\(Markup.userText(report.currentName))</code>.</p>\n"
        for warning in report.warnings {
            let kind = warning.hasPrefix("DEBUG") ? "WARNING" : "note"
            out += "<p class=\"warn\"><strong>\(kind):</strong> \(Markup.userText(warning))</p>\n"
        }
        out += findings(ordered)
        out += "<p class=\"muted\">Charts: samples as hollow squares (baseline, row <q>base</q>) and filled diamonds (current, "
            + "row <q>curr</q>), medians as bars; the change as a diamond with its interval, against the grey dashed band "
            + "within the threshold. Charted: every row that moved"
            + (report.benchmarks.count <= Self.headlineChartLimit ? ", and time and allocs" : " (time and allocs too in reports of "
                + "at most \(Self.headlineChartLimit) benchmarks)") + ".</p>\n"
        return out + "</header>\n"
    }

    /// What failed and why: failed and (unless allowed) missing benchmarks, and regressed,
    /// missing and inconclusive rows,
    /// each linked to its section, up to `listedFindings`.
    private func findings(_ ordered: [BenchmarkComparison]) -> String {
        var items: [String] = []
        for (position, benchmark) in ordered.enumerated() {
            let link = "<a href=\"#b\(position)\">\(Markup.userText(benchmark.name))</a>"
            if benchmark.presence == .failed {
                items.append("\(link): <strong>FAILED</strong> in the current results: \(Markup.userText(Report.statusLine(benchmark)))")
            }
            if benchmark.presence == .removed && !report.allowMissing {
                items.append("\(link): <strong>MISSING</strong> from the current results (in the baseline)")
            }
            for row in benchmark.metrics where [.regression, .missing, .inconclusive].contains(row.verdict) {
                let plusMinus = MetricFormat.plusMinus(row)
                let note = row.note.isEmpty ? "" : ": \(Markup.userText(row.note))"
                items.append("\(link) <code>\(Markup.userText(row.metric))</code> <strong>\(Markup.text(row.verdict.label))</strong> "
                    + "\(Markup.text(MetricFormat.change(row)))\(plusMinus.isEmpty ? "" : " " + Markup.text(plusMinus)) "
                    + "(threshold \(Markup.text(row.threshold.text)))\(note)")
            }
        }
        guard !items.isEmpty else { return "<p>Nothing failed.</p>\n" }
        var out = "<h2>What failed and why</h2>\n<ul id=\"findings\">\n"
        for item in items.prefix(Self.listedFindings) { out += "<li>\(item)</li>\n" }
        if items.count > Self.listedFindings { out += "<li>… and \(items.count - Self.listedFindings) more below</li>\n" }
        return out + "</ul>\n"
    }

    /// The index of every benchmark with its state, collapsed.
    func index(_ ordered: [BenchmarkComparison]) -> String {
        var out = "<nav aria-label=\"benchmarks\"><details><summary>Index of all \(ordered.count) benchmarks</summary><ol>\n"
        for (position, benchmark) in ordered.enumerated() {
            let state = self.state(benchmark)
            out += "<li><a href=\"#b\(position)\">\(Markup.userText(benchmark.name))</a> <span class=\"badge \(state.className)\">"
                + "\(Markup.text(state.word))</span></li>\n"
        }
        return out + "</ol></details></nav>\n"
    }

    /// What an exit code means, in words.
    static func exitMeaning(_ code: ExitCode) -> String {
        switch code {
        case .pass: "pass"
        case .regression: "regression: a gated metric regressed or a benchmark failed"
        case .usageOrInputError: "usage or input error"
        case .inconclusive: "inconclusive only"
        case .notReproduced: "not reproduced at the ends"
        case .internalError: "internal error"
        case .interrupted: "interrupted by SIGINT"
        case .terminated: "interrupted by SIGTERM"
        }
    }
}
