/// The flags, options and positional arguments of one command, which parses a command line
/// and renders the command's help.
///
///     var spec = CommandSpec(name: "memgate check", summary: "Compare CURRENT with BASELINE.",
///                            usage: "memgate check [options] BASELINE CURRENT")
///     spec.option("--threshold", value: "METRIC=LIMIT", help: "Override a threshold.", repeatable: true)
///     spec.option("--format", value: "FORMAT", help: "text, markdown or json.", defaultDescription: "text")
///     spec.flag("--verbose", short: "v", help: "Show every metric, not only the ones that moved.")
///     spec.positional("BASELINE", help: "The results file kept as the baseline.")
///     spec.positional("CURRENT", help: "The results file to check.")
///
///     let arguments = try spec.parse(["--threshold", "time=15%", "base.json", "new.json"])
///     if arguments.wantsHelp { print(spec.helpText, terminator: ""); return }
///     let format = try arguments.choice("--format", from: ["text", "markdown", "json"]) ?? "text"
///
/// Declaring is the programmer's job, so a bad declaration (a long name without `--`, a name
/// declared twice, a required positional after an optional one) traps. Parsing is the user's,
/// so every mistake on the command line throws a `UsageError` instead.
///
/// `-h` and `--help` are always declared: they set `ParsedArguments.wantsHelp` and are listed
/// last in `helpText`.
package struct CommandSpec: Sendable {
    /// The command as the user types it, e.g. `"memgate check"`; used in errors and help.
    package let name: String
    /// One sentence saying what the command does; the first paragraph of the help.
    package let summary: String
    /// The synopsis line(s) of the help, e.g. `"memgate check [options] BASELINE CURRENT"`.
    package let usage: String
    /// Further paragraphs for the help, printed after the summary as written.
    package let discussion: String?

    /// Flags and options in declaration order (without `--help`).
    var options: [OptionSpec] = []
    /// Positional arguments in declaration order.
    var positionals: [PositionalSpec] = []

    /// Creates a command with only `-h`/`--help` declared.
    ///
    /// - Parameters:
    ///   - name: The command as typed, e.g. `"memgate check"`.
    ///   - summary: One sentence for the top of the help.
    ///   - usage: The synopsis, one line per form. A line that does not start with `name` is
    ///     printed after it (`"[options] FILE"` becomes `"memgate show [options] FILE"`), and
    ///     an empty `usage` is generated from the declarations.
    ///   - discussion: More help text, printed after the summary.
    package init(name: String, summary: String, usage: String, discussion: String? = nil) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.discussion = discussion
    }

    /// Declares a flag: an option without a value, e.g. `"--no-isolation"`.
    ///
    /// Giving a flag more than once is allowed and the same as giving it once; giving it a
    /// value (`--no-isolation=yes`) is a usage error.
    ///
    /// - Parameters:
    ///   - name: The long name, starting with `--`.
    ///   - short: An optional one-letter alias, used as `-v`. Short flags cannot be combined
    ///     (`-vq` is not `-v -q`).
    ///   - help: One line for the help.
    ///
    /// Traps if `name` does not start with `--`, contains `=` or whitespace, or is already
    /// declared (`--help` always is), or if `short` is `-`, `h` or already declared.
    package mutating func flag(_ name: String, short: Character? = nil, help: String) {
        checkNew(name)
        if let short {
            precondition(short != "h" && short != "-" && !short.isWhitespace,
                         "CommandSpec: short flag '-\(short)' is reserved")
            precondition(!options.contains { $0.short == short },
                         "CommandSpec: short flag '-\(short)' is declared twice")
        }
        options.append(OptionSpec(name: name, kind: .flag(short: short), help: help))
    }

    /// Declares an option that takes a value, e.g. `"--samples"` with value `"N"`.
    ///
    /// The value is the next argument whatever it looks like (`--filter -foo` gives `-foo`),
    /// or follows `=` in the same argument (`--filter=-foo`).
    ///
    /// - Parameters:
    ///   - name: The long name, starting with `--`.
    ///   - value: The placeholder shown in the help, e.g. `"N"` or `"FILE"`.
    ///   - help: One line for the help.
    ///   - repeatable: Whether the option may be given more than once; read every occurrence
    ///     with `ParsedArguments.values(_:)`. Otherwise a second occurrence is a usage error.
    ///   - defaultDescription: The default shown in the help as `(default: ...)`. The parser
    ///     does not apply it; the caller does (`arguments.value("--format") ?? "text"`).
    ///
    /// Traps if `name` does not start with `--`, contains `=` or whitespace, or is already declared.
    package mutating func option(_ name: String, value: String, help: String,
                                repeatable: Bool = false, defaultDescription: String? = nil) {
        checkNew(name)
        let kind = OptionSpec.Kind.option(value: value, repeatable: repeatable,
                                          defaultDescription: defaultDescription)
        options.append(OptionSpec(name: name, kind: kind, help: help))
    }

    /// Declares the next positional argument, e.g. `"BASELINE"`.
    ///
    /// Arguments that do not start with `-` (and a lone `-`, and everything after `--`) fill the
    /// positionals in declaration order. Fewer than the required ones is a usage error naming the
    /// first missing one; more than declared is a usage error unless the last one is variadic.
    ///
    /// - Parameters:
    ///   - name: The name shown in help and errors, conventionally upper-case.
    ///   - help: One line for the help.
    ///   - optional: Whether the argument may be left out.
    ///   - variadic: Whether it takes all remaining arguments (at least one unless `optional`).
    ///
    /// Traps if a positional follows a variadic one, if a required one follows an optional
    /// one, or if `name` is already declared.
    package mutating func positional(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        precondition(!positionals.contains { $0.name == name }, "CommandSpec: argument \(name) is declared twice")
        precondition(!(positionals.last?.variadic ?? false), "CommandSpec: argument \(name) follows a variadic argument")
        precondition(optional || !positionals.contains { $0.optional },
                     "CommandSpec: required argument \(name) follows an optional argument")
        positionals.append(PositionalSpec(name: name, help: help, optional: optional, variadic: variadic))
    }

    /// The declared flag or option called `name` (a long name such as `"--samples"`).
    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    private func checkNew(_ name: String) {
        precondition(name.hasPrefix("--") && name.count > 2, "CommandSpec: '\(name)' must start with '--'")
        precondition(!name.contains("=") && !name.contains(where: \.isWhitespace),
                     "CommandSpec: '\(name)' must not contain '=' or whitespace")
        precondition(name != "--help" && option(named: name) == nil, "CommandSpec: '\(name)' is declared twice")
    }
}

/// One declared flag or option.
struct OptionSpec: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case flag(short: Character?)
        case option(value: String, repeatable: Bool, defaultDescription: String?)
    }

    let name: String
    let kind: Kind
    let help: String

    /// The one-letter alias of a flag, if any.
    var short: Character? {
        if case let .flag(short) = kind { return short }
        return nil
    }
}

/// One declared positional argument.
struct PositionalSpec: Sendable, Equatable {
    let name: String
    let help: String
    let optional: Bool
    let variadic: Bool
}
