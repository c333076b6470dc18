import CLISupport
import GateCore

/// `memgate report BASELINE CURRENT --output FILE`: the HTML report of a comparison, with
/// the verdict `check` would give; exits like `compare` (0, or 2 for bad input).
struct ReportCommand: Subcommand {
    static let name = "report"

    static var spec: CommandSpec {
        GatePipeline.spec(CommandSpec(
            name: "memgate report", summary: "Write the HTML report of CURRENT against BASELINE (charts, sites, environments).",
            usage: "memgate report [options] BASELINE CURRENT --output FILE",
            discussion: """
            Compares CURRENT with BASELINE as 'memgate check' does and writes one self-contained HTML page \
            to every --output FILE (inline CSS and SVG, no script, nothing fetched: it opens offline and \
            as a CI artifact): the verdict and the exit code check would give, what failed and why, both \
            environments with their differences marked, and per benchmark (failing ones first) its rows, \
            charts of the samples and of the change against the threshold for the rows that moved and the \
            headline time and allocs, the allocation-site diff and flame graph. An --output whose extension \
            names no other format (.txt .md .json .xml) is HTML. Standard output gets the text report's \
            summary line.

            Exit codes: 0 written (whatever the verdict), 2 usage or input error.
            """), files: [("BASELINE", "The baseline results file (memgate JSON or go test -bench output)."),
                          ("CURRENT", "The results file compared with BASELINE.")])
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        var gate = try GateArguments(arguments, mode: .check, unknownOutputIsHTML: true)
        guard !gate.outputPaths(.html).isEmpty else {
            throw arguments.usageError("--output FILE is required: where to write the HTML report")
        }
        gate.format = .text
        gate.command = "memgate check"  // the page states the verdict and exit code check would give
        try gate.refuseOverwritingInputs([("BASELINE", arguments.positionals[0]), ("CURRENT", arguments.positionals[1])],
                                         environment: context.environment)
        let (baseline, current) = try GatePipeline.readBoth(arguments.positionals[0], arguments.positionals[1])
        var inner = context
        inner.output = ""
        _ = try GatePipeline.report(baseline: baseline, current: current, baselineName: arguments.positionals[0],
                                    currentName: arguments.positionals[1], gate: gate, context: &inner)
        context.errors = inner.errors
        let summary = inner.output.split(separator: "\n").last.map(String.init) ?? ""
        context.output += summary + "\n" + gate.outputPaths(.html).map { "HTML report written to \($0)\n" }.joined()
        return .pass
    }
}
