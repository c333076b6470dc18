import BenchResults
import BenchStatistics
import CLISupport
import GateFormats
import HTMLReport
import TestSupport
import Testing
@testable import GateCore
@testable import MemGateCLI

/// Every report format, HTML included, behind one entry point (`ReportFormat.render`) and one
/// `--output` parser, with the rules the CLI had when HTML was a path of its own.
@Suite struct ReportFormatTests {
    @Test(arguments: [
        ("html:r.json", ReportFormat.html, "r.json"), ("json:r.html", .json, "r.html"), ("a/b.HTM", .html, "a/b.HTM"),
        ("x.html", .html, "x.html"), ("foo:bar.html", .html, "foo:bar.html"), ("x/.html", .html, "x/.html"),
        ("r.md", .markdown, "r.md"), ("r.markdown", .markdown, "r.markdown"), ("r.txt", .text, "r.txt"),
        ("r.xml", .junit, "r.xml"), ("github:r", .github, "r"), ("text:r.html", .text, "r.html"),
    ])
    func outputValues(value: String, format: ReportFormat, path: String) throws {
        let parsed = try #require(ReportFormat.parseOutput(value))
        #expect(parsed.0 == format && parsed.1 == path)
    }

    @Test(arguments: ["html:", "json:", "r", "a.html/", ".md", "md:r", "HTML:r", "r.htmlx"])
    func outputValuesWithoutAFormat(value: String) {
        #expect(ReportFormat.parseOutput(value) == nil)
    }

    @Test func standardOutputTakesEveryFormatButHTML() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "markdown", "json", "junit", "github", "html"])
        #expect(ReportFormat.standardOutput == [.text, .markdown, .json, .junit, .github])
    }

    /// Report-only formats first, then the pages, each in the order given: the order outputs
    /// were checked against the inputs and written in before HTML was a format.
    @Test func outputsKeepTheirOrderWithPagesLast() throws {
        let arguments = try CheckCommand.spec.parse(["--output", "a.html", "--output", "b.json", "--output", "html:c",
                                                     "--output", "d.md", "x.json", "y.json"])
        let outputs = try GateArguments.outputs(arguments, unknownIsHTML: false)
        #expect(outputs.map(\.0) == [.json, .markdown, .html, .html])
        #expect(outputs.map(\.1) == ["b.json", "d.md", "a.html", "c"])
    }

    @Test func anUnknownOutputIsAnErrorOrForReportAPage() throws {
        let arguments = try CheckCommand.spec.parse(["--output", "page", "x.json", "y.json"])
        #expect(try GateArguments.outputs(arguments, unknownIsHTML: true).map(\.1) == ["page"])
        #expect(try GateArguments.outputs(arguments, unknownIsHTML: true).map(\.0) == [.html])
        let error = try #require(throws: UsageError.self) { try GateArguments.outputs(arguments, unknownIsHTML: false) }
        #expect(error.message == "--output: cannot tell the format of 'page' from its extension; use FORMAT:PATH with FORMAT one of "
            + "text, markdown, json, junit, github, html")
    }

    /// The entry point draws each format from the one input: the report's writers for the
    /// text formats, the page (with the history's trends and the policy's exit code) for HTML.
    @Test func everyFormatRendersFromTheOneInput() throws {
        let (baseline, current) = HostileNamesFixture.files()
        let report = try Comparison.compare(baseline: baseline, current: current, baselineName: "b.json", currentName: "c.json",
                                            options: ComparisonOptions())
        let history = History(entries: [HistoryEntry(results: current, commit: "0123456789", date: "2026-12-01T00:00:00Z",
                                                     baselineHash: "h")])
        let options = RenderOptions(color: true, verbose: true, maxRows: 1)
        let input = RenderInput(report: report, baseline: baseline, current: current, history: history, command: "memgate check",
                                policy: .fail, options: options)
        var text = "", markdown = "", json = "", junit = "", github = ""
        report.writeText(to: &text, options: options)
        report.writeMarkdown(to: &markdown, options: options)
        report.writeJSON(to: &json, policy: .fail)
        report.writeJUnit(to: &junit)
        report.writeGitHubAnnotations(to: &github)
        let page = HTMLReportPage(report: report, baseline: baseline, current: current, exitCode: report.exitCode(policy: .fail),
                                  command: "memgate check", trends: HTMLReportPage.trends(for: report, history: history))
        #expect(!page.trends.isEmpty)
        let expected: [ReportFormat: String] = [.text: text, .markdown: markdown, .json: json, .junit: junit, .github: github,
                                                .html: page.html]
        for format in ReportFormat.allCases {
            #expect(format.render(input) == expected[format], "\(format)")
        }
    }
}
