/// What `CommandSpec.parse(_:)` found on a command line: flags given, option values and
/// positional arguments, with typed accessors that throw `UsageError`.
///
///     let arguments = try spec.parse(["--samples", "20", "--filter", "sort", "--filter", "json"])
///     arguments.flag("--no-isolation")              // false
///     arguments.values("--filter")                  // ["sort", "json"]
///     try arguments.int("--samples", in: 2...1000)  // 20
///
/// Reading a name the spec does not declare (a typo in the caller's code) traps, so it
/// cannot silently read as "not given".
package struct ParsedArguments: Sendable {
    /// The command's name, for `UsageError`s raised while reading values.
    package let command: String
    /// Whether `-h` or `--help` appeared before any `--`. When true the rest of the command
    /// line was not checked (missing arguments and unknown options are not errors), so the
    /// caller should print `CommandSpec.helpText` and exit successfully.
    package internal(set) var wantsHelp = false
    /// The positional arguments in order, as given (every one, including a variadic tail).
    package internal(set) var positionals: [String] = []

    /// How many times each given flag appeared.
    var flagCounts: [String: Int] = [:]
    /// Each given option's values, in order.
    var optionValues: [String: [String]] = [:]
    /// Declared flag names (including `--help`) and option names, to catch caller typos.
    let flagNames: Set<String>
    let optionNames: Set<String>

    init(spec: CommandSpec) {
        command = spec.name
        var flags: Set<String> = ["--help"]
        var options: Set<String> = []
        for declared in spec.options {
            if case .flag = declared.kind { flags.insert(declared.name) } else { options.insert(declared.name) }
        }
        flagNames = flags
        optionNames = options
    }

    /// Whether the flag `name` (e.g. `"--no-isolation"`) was given. `flag("--help")` is `wantsHelp`.
    ///
    /// Traps if `name` is not a declared flag.
    package func flag(_ name: String) -> Bool {
        precondition(flagNames.contains(name), "ParsedArguments: '\(name)' is not a flag of '\(command)'")
        return name == "--help" ? wantsHelp : flagCounts[name, default: 0] > 0
    }

    /// The value of the last occurrence of option `name`, or nil when it was not given.
    ///
    /// Traps if `name` is not a declared option.
    package func value(_ name: String) -> String? {
        values(name).last
    }

    /// The values of every occurrence of option `name`, in command-line order; empty when
    /// it was not given.
    ///
    /// Traps if `name` is not a declared option.
    package func values(_ name: String) -> [String] {
        precondition(optionNames.contains(name), "ParsedArguments: '\(name)' is not an option of '\(command)'")
        return optionValues[name] ?? []
    }

    /// A `UsageError` for this command, for checks the caller makes itself.
    ///
    ///     throw arguments.usageError("--threshold: unknown metric 'tim'")
    package func usageError(_ message: String) -> UsageError {
        UsageError(message: message, command: command)
    }
}
