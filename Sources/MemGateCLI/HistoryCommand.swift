import BenchResults
import CLISupport
import GateCore
import GateFormats

/// `memgate history append|show|check`: a trend of the gated runs, one line per run in a JSON
/// Lines file that CI keeps between runs. The actions are `HistoryAppendCommand`,
/// `HistoryShowCommand` and `HistoryCheckCommand`; this group only names them.
struct HistoryCommand: Subcommand {
    static let name = "history"
    static let actions: [any Subcommand.Type] = [HistoryAppendCommand.self, HistoryShowCommand.self, HistoryCheckCommand.self]

    static var spec: CommandSpec {
        CommandSpec(
            name: "memgate history", summary: "Record gated runs in a history file, show their trend and check it for change points.",
            usage: """
            memgate history append [options] RESULTS --file FILE
            memgate history show [options] FILE
            memgate history check [options] FILE
            """,
            discussion: """
            Actions:
              append  Add RESULTS (median, min and max of every metric) as the newest line of FILE, keeping the newest N.
              show    Print the runs of FILE, per benchmark: date, commit, baseline updates and metric medians;
                      --changes marks where each series shifted (size, runs, commit range).
              check   Exit 1 when a metric got worse than its threshold since the last baseline update, by the
                      change points of its series (for a scheduled job on the main branch: creep, late regressions).

            Run 'memgate history ACTION --help' for an action's options. The file format is in
            docs/results-format.md ("History files").

            Exit codes: 0 done (check: no finding), 1 check: a metric worse than its threshold, 2 usage or input error
            (a bad line names its number).
            """)
    }

    /// Never called: `MemGateCommand` runs the action the arguments name.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        throw arguments.usageError("missing action: append, show or check")
    }
}
