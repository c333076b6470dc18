import BenchResults
import CLISupport
import GateCore
import GateRunner

/// `memgate show FILE`: the results as a readable table, plus the environment.
struct ShowCommand: Subcommand {
    static let name = "show"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate show", summary: "Print a results file as a table (median and ± per metric) with its environment.",
            usage: "memgate show FILE",
            discussion: "± is the half-width of a distribution-free 95% confidence interval of the median, as a percentage of it (the "
                + "full range for fewer than 6 samples).")
        spec.positional("FILE", help: "A results file (memgate JSON or go test -bench output).")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let path = arguments.positionals[0]
        let file = try GateArguments.readResults(path)
        context.output += ResultsTable.render(file, name: path, style: context.stdoutStyle)
        return .pass
    }
}
