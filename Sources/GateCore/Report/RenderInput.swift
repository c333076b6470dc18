import BenchResults
import GateFormats

/// Everything a report format may draw from, in one value: the comparison, the two files it
/// compared (samples, environments, allocation sites), the history of earlier runs, the
/// command that wrote it and how to present it. Every format receives the whole of it
/// through one entry point (`ReportFormat.render` in MemGateCLI), so a format that needs
/// samples, sites or trends reads them here instead of taking a path of its own.
package struct RenderInput: Sendable {
    /// The comparison drawn.
    package var report: Report
    /// The two files compared, as the comparison read them (`GateInputs`).
    package var baseline: ResultsFile, current: ResultsFile
    /// The runs whose trends the HTML page draws (`--history`), or nil.
    package var history: History?
    /// The command the report is from (`memgate check`), which the HTML page names.
    package var command: String
    /// How inconclusive findings map to the exit code (the JSON verdict and the page state it).
    package var policy: InconclusivePolicy
    /// Colour, verbosity and row limit.
    package var options: RenderOptions

    /// Creates an input.
    package init(
        report: Report, baseline: ResultsFile, current: ResultsFile, history: History? = nil, command: String = "memgate",
        policy: InconclusivePolicy = .report, options: RenderOptions = RenderOptions()
    ) {
        self.report = report
        self.baseline = baseline
        self.current = current
        self.history = history
        self.command = command
        self.policy = policy
        self.options = options
    }
}
