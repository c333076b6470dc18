import BenchResults
import CLISupport
import GateCore
import GateFormats

/// `memgate history append|show`: a trend of the gated runs, one line per run in a JSON Lines
/// file that CI keeps between runs. The actions are `HistoryAppendCommand` and
/// `HistoryShowCommand`; this group only names them.
struct HistoryCommand: Subcommand {
    static let name = "history"
    static let actions: [any Subcommand.Type] = [HistoryAppendCommand.self, HistoryShowCommand.self]

    static var spec: CommandSpec {
        CommandSpec(
            name: "memgate history", summary: "Record gated runs in a history file and show their trend.",
            usage: """
            memgate history append [options] RESULTS --file FILE
            memgate history show [options] FILE
            """,
            discussion: """
            Actions:
              append  Add RESULTS (median, min and max of every metric) as the newest line of FILE, keeping the newest N.
              show    Print the runs of FILE, per benchmark: date, commit, baseline updates and metric medians.

            Run 'memgate history ACTION --help' for an action's options. The file format is in
            docs/results-format.md ("History files").

            Exit codes: 0 done, 2 usage or input error (a bad line names its number).
            """)
    }

    /// Never called: `MemGateCommand` runs the action the arguments name.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        throw arguments.usageError("missing action: append or show")
    }
}
