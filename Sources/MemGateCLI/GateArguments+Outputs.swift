import CLISupport
import GateCore
import GateRunner

extension GateArguments {
    /// Refuses (exit 2, before anything is written) a report output (`--output`,
    /// `$GITHUB_STEP_SUMMARY`) or one of `outputs` that is one of `inputs`, the config file or
    /// the `--history` file (`InputOverwrite`).
    func refuseOverwritingInputs(
        _ inputs: [InputOverwrite.Role], outputs: [InputOverwrite.Role] = [], environment: [String: String]
    ) throws {
        var written = self.outputs.map { ("--output", $0.1) } + htmlOutputs.map { ("--output", $0) } + outputs
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { written.append(("$GITHUB_STEP_SUMMARY", summary)) }
        var read = inputs
        if let configPath { read.append(("--config file", configPath)) }
        if let historyPath { read.append(("--history file", historyPath)) }
        try InputOverwrite.refuse(outputs: written, inputs: read)
    }

    /// The `--output` values as report files and HTML files: `html:PATH` and paths ending in
    /// `.html` or `.htm` are HTML (which GateCore's `ReportFormat` does not render: the page
    /// needs the results files too); the rest are `ReportFormat.parseOutput`'s.
    ///
    /// - Parameter unknownIsHTML: a path whose format cannot be told is HTML instead of a
    ///   usage error.
    /// - Throws: `UsageError` for a value whose format cannot be told.
    static func outputs(
        _ arguments: ParsedArguments, unknownIsHTML: Bool
    ) throws -> (reports: [(ReportFormat, String)], html: [String]) {
        var reports: [(ReportFormat, String)] = [], html: [String] = []
        for value in arguments.values("--output") {
            if let path = htmlPath(value) {
                html.append(path)
            } else if let output = ReportFormat.parseOutput(value) {
                reports.append(output)
            } else if unknownIsHTML, !value.isEmpty {
                html.append(value)
            } else {
                let formats = ReportFormat.allCases.map(\.rawValue) + ["html"]
                throw arguments.usageError("--output: cannot tell the format of '\(value)' from its extension; use FORMAT:PATH with "
                    + "FORMAT one of \(formats.joined(separator: ", "))")
            }
        }
        return (reports, html)
    }

    /// The path of an HTML `--output` value (`html:PATH`, or a path ending in `.html` or
    /// `.htm` without another format's prefix), or nil.
    static func htmlPath(_ value: String) -> String? {
        if value.hasPrefix("html:") {
            let path = String(value.dropFirst(5))
            return path.isEmpty ? nil : path
        }
        if let colon = value.firstIndex(of: ":"), ReportFormat(rawValue: String(value[..<colon])) != nil { return nil }
        let lowered = value.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") ? value : nil
    }
}
