import BenchResults
import CLISupport
import GateCore
import GateFormats

/// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched)
/// that a CI job keeps as an artifact and anyone opens offline.
///
///     let page = HTMLReportPage(report: report, baseline: old, current: new,
///                               exitCode: report.exitCode(policy: .report), command: "memgate check")
///     let html = page.html
///
/// As a report format it is drawn from a `RenderInput` (`init(_:)`), through the entry point
/// every format shares (`ReportFormat.render` in MemGateCLI).
///
/// The page opens with the verdict (the text report's summary line, word for word), the exit
/// code and what failed and why; then the environments of both sides with differences
/// marked; an index; and one `<section>` per benchmark, failing ones first (failed and
/// regressed, then missing metrics, inconclusive, improved, the rest in report order), each
/// with its rows, charts of the samples and of the change against the threshold for the
/// rows that moved, the allocation-site diff and flame graph when sites were recorded, and
/// the metric's history when `trends` has it. Every name and note is escaped and isolated
/// for bidirectional text (`Markup.userText`). The markup is also well-formed XML (void
/// elements closed, attributes quoted), so an XML parser can check it.
package struct HTMLReportPage: Sendable {
    /// The comparison drawn.
    package var report: Report
    /// The two files compared (samples, environments, allocation sites).
    package var baseline: ResultsFile, current: ResultsFile
    /// The exit code of the command that wrote the page, and that command (`memgate check`).
    package var exitCode: ExitCode, command: String
    /// History per benchmark name, one series per metric, drawn in each benchmark's section.
    package var trends: [String: [TrendSeries]]

    /// Creates a page.
    package init(
        report: Report, baseline: ResultsFile, current: ResultsFile, exitCode: ExitCode, command: String,
        trends: [String: [TrendSeries]] = [:]
    ) {
        self.report = report
        self.baseline = baseline
        self.current = current
        self.exitCode = exitCode
        self.command = command
        self.trends = trends
    }

    /// The page of `input`: its report and files, the exit code of `input.policy`, its
    /// command, and the trends of `input.history` (`trends(for:history:)`).
    package init(_ input: RenderInput) {
        self.init(report: input.report, baseline: input.baseline, current: input.current,
                  exitCode: input.report.exitCode(policy: input.policy), command: input.command,
                  trends: Self.trends(for: input.report, history: input.history))
    }

    /// The trends the page draws from `history`: for every benchmark of a report of at most
    /// `headlineChartLimit` (100) benchmarks, else for those not compared or with a row that
    /// moved (the page stays small at 1,000 benchmarks).
    package static func trends(for report: Report, history: History?) -> [String: [TrendSeries]] {
        guard let history else { return [:] }
        let small = report.benchmarks.count <= headlineChartLimit
        let names = report.benchmarks.filter { benchmark in
            small || benchmark.presence != .compared || benchmark.metrics.contains { ![.pass, .reported].contains($0.verdict) }
        }.map(\.name)
        return TrendSeries.trends(from: history, benchmarks: Set(names))
    }

    /// The whole document.
    package var html: String {
        let ordered = orderedBenchmarks
        let lookup = Lookup(baseline: baseline, current: current)
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>\(Markup.text("\(command): \(report.summaryLine)"))</title>\n<style>\n\(HTMLStyle.css)\n</style></head>\n<body>\n"
        out += header(ordered)
        out += environmentSection
        out += index(ordered)
        out += "<main>\n"
        for (position, benchmark) in ordered.enumerated() {
            out += section(benchmark, id: position, lookup: lookup)
        }
        return out + "</main>\n</body></html>\n"
    }

    /// The benchmarks in page order (`rank`, then the report's order).
    package var orderedBenchmarks: [BenchmarkComparison] {
        report.benchmarks.enumerated().sorted { a, b in
            let ra = Self.rank(a.element), rb = Self.rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// 0 failed or regressed, 1 a missing metric, 2 inconclusive, 3 improved, 4 the rest.
    static func rank(_ benchmark: BenchmarkComparison) -> Int {
        if benchmark.hasRegression { return 0 }
        let verdicts = Set(benchmark.metrics.map(\.verdict))
        if verdicts.contains(.missing) { return 1 }
        if verdicts.contains(.inconclusive) { return 2 }
        if verdicts.contains(.improvement) { return 3 }
        return 4
    }

    /// A benchmark's one-word state and its CSS class: `FAILED`, a row verdict's label
    /// (the worst), `new`, `removed`, `not compared`.
    func state(_ benchmark: BenchmarkComparison) -> (word: String, className: String) {
        switch benchmark.presence {
        case .failed: return ("FAILED", "failed")
        case .added: return ("new", "added")
        case .removed: return report.allowMissing ? ("removed", "removed") : ("MISSING", "missing")
        case .baselineFailed: return ("not compared", "baselineFailed")
        case .compared:
            let worst: [Verdict] = [.regression, .missing, .inconclusive, .improvement, .pass, .reported, .added]
            let verdict = worst.first { verdict in benchmark.metrics.contains { $0.verdict == verdict } } ?? .pass
            return (verdict.label, verdict.rawValue)
        }
    }

    /// The benchmark results of both files by name (built once per page).
    struct Lookup {
        var baseline: [String: BenchmarkResult] = [:], current: [String: BenchmarkResult] = [:]

        init(baseline: ResultsFile, current: ResultsFile) {
            for result in baseline.benchmarks { self.baseline[result.name] = result }
            for result in current.benchmarks { self.current[result.name] = result }
        }
    }
}
