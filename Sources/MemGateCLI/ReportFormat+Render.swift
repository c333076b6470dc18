import GateCore
import HTMLReport

extension ReportFormat {
    /// The one render entry point: `input` drawn in this format. Every report memgate writes
    /// goes through it (standard output, each `--output` file, `$GITHUB_STEP_SUMMARY`), and
    /// every format gets the whole input, so a new format that needs the samples, sites or
    /// history adds a case here and reads them from `input`. It lives here rather than in
    /// GateCore because the HTML page is HTMLReport's, a module that depends on GateCore.
    func render(_ input: RenderInput) -> String {
        var text = ""
        switch self {
        case .text: input.report.writeText(to: &text, options: input.options)
        case .markdown: input.report.writeMarkdown(to: &text, options: input.options)
        case .json: input.report.writeJSON(to: &text, policy: input.policy)
        case .junit: input.report.writeJUnit(to: &text, options: input.options)
        case .github: input.report.writeGitHubAnnotations(to: &text, options: input.options)
        case .html: text = HTMLReportPage(input).html
        }
        return text
    }
}
