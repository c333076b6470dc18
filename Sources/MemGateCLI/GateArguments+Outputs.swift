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
        var written = self.outputs.map { ("--output", $0.1) } + outputs
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { written.append(("$GITHUB_STEP_SUMMARY", summary)) }
        var read = inputs
        if let configPath { read.append(("--config file", configPath)) }
        if let historyPath { read.append(("--history file", historyPath)) }
        try InputOverwrite.refuse(outputs: written, inputs: read)
    }

    /// The `--output` values as formats and paths (`ReportFormat.parseOutput`): the formats
    /// drawn from the report alone first, then the HTML pages, each in the order given (the
    /// order they are checked against the inputs and written in, as before HTML was a
    /// `ReportFormat`).
    ///
    /// - Parameter unknownIsHTML: a value whose format cannot be told is an HTML path
    ///   instead of a usage error.
    /// - Throws: `UsageError` for a value whose format cannot be told.
    static func outputs(_ arguments: ParsedArguments, unknownIsHTML: Bool) throws -> [(ReportFormat, String)] {
        var outputs: [(ReportFormat, String)] = []
        for value in arguments.values("--output") {
            if let output = ReportFormat.parseOutput(value) {
                outputs.append(output)
            } else if unknownIsHTML, !value.isEmpty {
                outputs.append((.html, value))
            } else {
                let formats = ReportFormat.allCases.map(\.rawValue)
                throw arguments.usageError("--output: cannot tell the format of '\(value)' from its extension; use FORMAT:PATH with "
                    + "FORMAT one of \(formats.joined(separator: ", "))")
            }
        }
        return outputs.filter { $0.0 != .html } + outputs.filter { $0.0 == .html }
    }

    /// The `--output` files of `format`, in the order they are written.
    func outputPaths(_ format: ReportFormat) -> [String] {
        outputs.filter { $0.0 == format }.map(\.1)
    }
}
