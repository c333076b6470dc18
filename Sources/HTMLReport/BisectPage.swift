import BenchResults
import GateCore

/// The HTML page of `memgate bisect`: one self-contained page (the report's style sheet and
/// charts, no script) drawn from a `BisectResult`.
///
///     let html = BisectPage(result, options: RenderOptions()).html
///
/// It opens with the summary line (`FOUND: ...`, word for word as the text report), the exit
/// code and what was bisected between which commits; then the first bad commit (hash,
/// subject, author date, the metric before and after) or the commits an unsure bisection left;
/// the table of commits tested; and the change at the first bad commit as the HTML report
/// draws a benchmark (`HTMLReportPage.section`: its exact rows with charts, the allocation
/// and retain sites that moved and their flame graph). Every name, subject and note is
/// escaped and isolated (`Markup.userText`); the markup is well-formed XML.
package struct BisectPage: Sendable {
    /// The result drawn.
    package var result: BisectResult
    /// Presentation (the site chains' frame budget).
    package var options: RenderOptions

    /// A page of `result`.
    package init(_ result: BisectResult, options: RenderOptions = RenderOptions()) {
        self.result = result
        self.options = options
    }

    /// The whole document.
    package var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>\(Markup.text("memgate bisect: \(result.summaryLine)"))</title>\n<style>\n\(HTMLStyle.css)\n</style></head>\n<body>\n"
        out += header + "<main>\n" + outcomePart + stepsTable
        if let change = result.change, let benchmark = change.report.benchmarks.first {
            let page = HTMLReportPage(report: change.report, baseline: change.before, current: change.after, exitCode: result.exitCode,
                                      command: "memgate bisect")
            out += "<h2>The change at \(Markup.text(result.line[result.firstBad].short))</h2>\n"
                + "<p>Its parent's run (baseline) against its own (current), exact metrics, as memgate check reports it.</p>\n"
                + page.section(benchmark, id: 0, lookup: HTMLReportPage.Lookup(baseline: change.before, current: change.after))
        }
        return out + "</main>\n</body></html>\n"
    }

    /// The summary line, the exit code, what was bisected and the error control.
    private var header: String {
        let verdictClass = result.outcome == .found ? "fail" : result.outcome == .unsure ? "inconclusive" : "pass"
        var out = "<header>\n<h1>memgate bisect</h1>\n"
            + "<p class=\"verdict \(verdictClass)\" id=\"verdict\">\(Markup.userText(result.summaryLine))</p>\n"
            + "<p id=\"exit-code\"><strong>memgate bisect exits \(result.exitCode.rawValue)</strong> "
            + "(\(Markup.text(result.outcome.rawValue))).</p>\n<p>\(Markup.userText(result.headline)).</p>\n"
        if let target = result.target {
            out += "<p>Ends: \(Markup.userText(BisectTarget.describe(target.benchmark, target.ends))), threshold "
                + "\(Markup.text(target.ends.threshold.text)).</p>\n"
        }
        if !result.alsoRegressed.isEmpty {
            let others = Markup.userText(result.alsoRegressed.joined(separator: "; "))
            out += "<p class=\"warn\">Also regressed at the ends, not bisected: \(others).</p>\n"
        }
        if let levels = result.levels { out += "<p>Error control: \(Markup.text(levels.statement)).</p>\n" }
        return out + "</header>\n"
    }

    /// The first bad commit and the metric before and after it, or the range left.
    private var outcomePart: String {
        switch result.outcome {
        case .found:
            let commit = result.line[result.firstBad], unit = result.target?.ends.unit ?? .allocationsPerOp
            let before = MetricFormat.value(result.value(at: result.lastGood), unit)
            let after = MetricFormat.value(result.value(at: result.firstBad), unit)
            return "<h2>First bad commit</h2>\n<dl id=\"first-bad\"><dt>commit</dt><dd><code>\(Markup.text(commit.hash))</code></dd>"
                + "<dt>subject</dt><dd>\(Markup.userText(commit.subject))</dd>"
                + "<dt>author date</dt><dd>\(Markup.userText(commit.authorDate))</dd>"
                + "<dt>\(Markup.userText(result.target?.metric ?? "value"))</dt><dd>\(Markup.text(before)) before "
                + "(\(Markup.text(result.line[result.lastGood].short)), its parent) → \(Markup.text(after)) after</dd></dl>\n"
        case .unsure where result.target == nil, .notReproduced:
            return ""
        case .unsure:
            return "<h2>The first bad commit is one of these \(result.candidates.count)</h2>\n<ol id=\"candidates\">\n"
                + result.candidates.map { "<li><code>\(Markup.text($0.short))</code> \(Markup.userText($0.subject))</li>\n" }.joined()
                + "</ol>\n"
        }
    }

    /// One row per commit tested, the ends first.
    private var stepsTable: String {
        guard !result.steps.isEmpty else { return "" }
        var out = "<h2>Commits tested</h2>\n<table id=\"steps\"><thead><tr><th>position</th><th>commit</th><th>verdict</th>"
            + "<th>\(Markup.userText(result.target?.metric ?? "value"))</th><th>subject</th><th>note</th></tr></thead><tbody>\n"
        for row in result.stepRows {
            let rowClass = row.verdict == "bad" ? "regression" : row.verdict == "good" ? "improvement" : "inconclusive"
            out += "<tr class=\"\(rowClass)\"><td class=\"n\">\(row.position)</td><td><code>\(Markup.text(row.commit.short))</code></td>"
                + "<td class=\"v\">\(Markup.text(row.verdict))</td><td class=\"n\">\(Markup.text(row.value))</td>"
                + "<td>\(Markup.userText(row.commit.subject))</td><td>\(Markup.userText(row.note))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
