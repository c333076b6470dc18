import BenchResults
import CLISupport
import GateCore
import GateRunner

/// The `memgate` command line: dispatches to a subcommand and returns its exit code.
///
///     var out = StandardOutput(), err = StandardError()
///     let code = MemGateCommand.run(arguments: Array(CommandLine.arguments.dropFirst()),
///                                   stdout: &out, stderr: &err,
///                                   environment: ProcessInfo.processInfo.environment)
///     exit(code.rawValue)
///
/// The commands read files and the environment and write standard output; the gate core
/// they call (comparison, thresholds, reports) is pure, and building and running benchmarks
/// goes through GateRunner (`Build/`, `Process/`, `Refs/`). A new command is one file: a type conforming to
/// `Subcommand`, listed in `subcommands`.
package enum MemGateCommand {
    /// The version `--version` prints.
    package static let version = "0.1.0"

    /// Every subcommand, in help order.
    static let subcommands: [any Subcommand.Type] = [
        RunCommand.self, RefsCommand.self, BisectCommand.self, CalibrateCommand.self, CheckCommand.self, CompareCommand.self,
        UpdateCommand.self,
        ReportCommand.self, ShowCommand.self, ExplainCommand.self, ConvertCommand.self, MergeCommand.self, HistoryCommand.self,
        InitCommand.self,
    ]

    /// Runs `memgate` with `arguments` (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: the command line after `memgate`.
    ///   - stdout: where reports go.
    ///   - stderr: where errors and progress go.
    ///   - environment: the process environment (`NO_COLOR`, `GITHUB_STEP_SUMMARY`, ...).
    ///   - stdoutIsTerminal: whether stdout is a TTY (colour); `nil` asks the system.
    /// - Returns: the exit code (see `ExitCode`).
    package static func run(
        arguments: [String], stdout: inout some TextOutputStream, stderr: inout some TextOutputStream,
        environment: [String: String], stdoutIsTerminal: Bool? = nil
    ) -> ExitCode {
        var context = CommandContext(environment: environment, stdoutIsTerminal: stdoutIsTerminal)
        let code = dispatch(arguments, context: &context)
        stdout.write(context.output)
        stderr.write(context.errors)
        return code
    }

    /// The process's exit status: `code`, or 2 (with a message on `stderr`) when standard
    /// output could not be written (`stdoutFailure`, e.g. `> /dev/full`): a report nobody
    /// could read must not pass.
    package static func exitStatus(_ code: ExitCode, stdoutFailure: String?, stderr: inout some TextOutputStream) -> Int32 {
        guard let stdoutFailure else { return code.rawValue }
        stderr.write("memgate: cannot write to standard output: \(stdoutFailure)\n")
        return ExitCode.usageOrInputError.rawValue
    }

    static func dispatch(_ arguments: [String], context: inout CommandContext) -> ExitCode {
        guard let first = arguments.first else {
            context.errors += usageText
            return .usageOrInputError
        }
        switch first {
        case "--help", "-h":
            context.output += usageText
            return .pass
        case "--version":
            context.output += "memgate \(version)\n"
            return .pass
        case "help":
            guard arguments.count > 1 else {
                context.output += usageText
                return .pass
            }
            guard let command = subcommand(named: arguments[1]) else {
                context.errors += "memgate: unknown command '\(arguments[1])'\nRun 'memgate --help' for usage.\n"
                return .usageOrInputError
            }
            let action = arguments.count > 2 ? command.action(named: arguments[2]) : nil
            context.output += (action ?? command).spec.helpText
            return .pass
        default:
            guard let command = subcommand(named: first) else {
                var hint = first.hasPrefix("-") ? "unknown option '\(first)'" : "unknown command '\(first)'"
                if !first.hasPrefix("-"), let guess = suggestion(for: first, among: subcommands.map { $0.name }) {
                    hint += "; did you mean '\(guess)'?"
                }
                context.errors += "memgate: \(hint)\nRun 'memgate --help' for usage.\n"
                return .usageOrInputError
            }
            return execute(command, Array(arguments.dropFirst()), context: &context)
        }
    }

    static func execute(_ command: any Subcommand.Type, _ arguments: [String], context: inout CommandContext) -> ExitCode {
        if !command.actions.isEmpty { return executeGroup(command, arguments, context: &context) }
        do {
            let parsed = try command.spec.parse(arguments)
            if parsed.wantsHelp {
                context.output += command.spec.helpText
                return .pass
            }
            return try command.execute(parsed, context: &context)
        } catch let error as UsageError {
            context.errors += "\(error.command): \(error)\n"
            return .usageOrInputError
        } catch let error as CommandError {
            context.errors += "\(command.spec.name): \(error.message)\n"
            return .usageOrInputError
        } catch {
            context.errors += "\(command.spec.name): \(error)\n"
            return .usageOrInputError
        }
    }

    /// Runs the action of `group` that `arguments` start with; the group's help for `--help`
    /// or `-h`; a usage error naming the actions when there is none or it is unknown.
    static func executeGroup(_ group: any Subcommand.Type, _ arguments: [String], context: inout CommandContext) -> ExitCode {
        let names = group.actions.map { $0.name }
        guard let first = arguments.first, !first.hasPrefix("-") else {
            if arguments.first == "--help" || arguments.first == "-h" {
                context.output += group.spec.helpText
                return .pass
            }
            let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
            let error = UsageError(message: "missing action: \(list)", command: group.spec.name)
            context.errors += "\(error.command): \(error)\n"
            return .usageOrInputError
        }
        guard let action = group.action(named: first) else {
            var message = "unknown action '\(first)' (actions: \(names.joined(separator: ", ")))"
            if let guess = suggestion(for: first, among: names) { message += "; did you mean '\(guess)'?" }
            let error = UsageError(message: message, command: group.spec.name)
            context.errors += "\(error.command): \(error)\n"
            return .usageOrInputError
        }
        return execute(action, Array(arguments.dropFirst()), context: &context)
    }

    static func subcommand(named name: String) -> (any Subcommand.Type)? {
        subcommands.first { $0.name == name }
    }

    /// The top-level help.
    static var usageText: String {
        var text = """
        memgate: a benchmark regression gate for CI.

        Usage: memgate COMMAND [options] [arguments]

        Commands:

        """
        let width = subcommands.map { $0.name.count }.max() ?? 0
        for command in subcommands {
            text += "  \(command.name)\(String(repeating: " ", count: width - command.name.count))  \(command.spec.summary)\n"
        }
        text += """

        Options:
          -h, --help   Show this help; 'memgate help COMMAND' or 'memgate COMMAND --help' for a command.
          --version    Print the version.

        Exit codes:
          0  pass (or the command succeeded; 'bisect': the first bad commit found)
          1  regression: a gated metric regressed, or a benchmark failed in CURRENT; history check: a metric worse
             than its threshold since the last baseline update
          2  usage or input error (bad arguments, unreadable or invalid files)
          3  inconclusive only (map with --inconclusive pass|fail); 'bisect': unsure, the range left is named
          4  'bisect': not reproduced at the ends (the metric does not regress from GOOD to BAD)
          130, 143  'run', 'refs', 'bisect' or 'calibrate' interrupted (SIGINT, SIGTERM); what they started was stopped and removed

        Files may be memgate JSON results or saved 'go test -bench' output (detected from the content).
        Documentation: docs/commands.md, docs/thresholds.md.

        """
        return text
    }
}
