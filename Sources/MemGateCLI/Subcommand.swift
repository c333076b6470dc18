import CLISupport
import GateCore
import GateRunner

/// One `memgate` subcommand: its argument specification and what it does.
///
/// A new command is one file: a type conforming to `Subcommand`, added to
/// `MemGateCommand.subcommands`.
protocol Subcommand: Sendable {
    /// The word after `memgate` (`check`).
    static var name: String { get }
    /// Flags, options, positionals and help text.
    static var spec: CommandSpec { get }
    /// Runs the command with parsed arguments, writing to `context`.
    ///
    /// - Throws: `UsageError` for bad arguments and `CommandError` for bad input; both
    ///   exit 2 with the message on standard error.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode
    /// The actions of a command group, each a command of its own (`history` has `append`
    /// and `show`): the word after the group's name picks one, and `execute` is never called.
    /// Empty (the default) for a plain command.
    static var actions: [any Subcommand.Type] { get }
}

extension Subcommand {
    /// A plain command has no actions.
    static var actions: [any Subcommand.Type] { [] }

    /// The action called `name`, if this is a group that has one.
    static func action(named name: String) -> (any Subcommand.Type)? {
        actions.first { $0.name == name }
    }
}

/// What a running command can see and write: the environment and the text for standard
/// output and standard error (written by `MemGateCommand.run` when the command ends).
struct CommandContext {
    /// The process environment.
    var environment: [String: String]
    /// Whether standard output is a terminal; `nil` asks the system.
    var stdoutIsTerminal: Bool?
    /// The gate every child process of the command passes, which its `InterruptCleanup`
    /// closes on a signal.
    var launches = LaunchGate()
    /// Text for standard output.
    var output = ""
    /// Text for standard error.
    var errors = ""

    /// Colour for standard output: only on a TTY, never with `NO_COLOR` (or `TERM=dumb`).
    var stdoutStyle: TerminalStyle {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
        if environment["TERM"] == "dumb" { return .plain }
        if let tty = stdoutIsTerminal { return TerminalStyle(colour: tty) }
        return TerminalStyle.detect(fileDescriptor: 1, environment: environment)
    }

    /// The width site chains are laid out to on standard output (`ChainLayout`): the
    /// terminal's columns when standard output is one and says, else `ChainLayout.defaultWidth`.
    var stdoutChainWidth: Int {
        guard stdoutIsTerminal ?? Terminal.isTTY(1), let columns = Terminal.columns(1) else { return ChainLayout.defaultWidth }
        return columns
    }

    /// Writes `bytes` to `path` atomically (`OutputFile.write`), or to standard output when
    /// `path` is nil (the `--output` convention of `convert`, `merge` and `explain`).
    ///
    /// - Throws: `CommandError` naming the folder or the file.
    mutating func writeOrPrint(_ bytes: [UInt8], to path: String?) throws {
        if let path {
            try OutputFile.write(bytes, to: path)
        } else {
            output += String(decoding: bytes, as: UTF8.self)
        }
    }
}
