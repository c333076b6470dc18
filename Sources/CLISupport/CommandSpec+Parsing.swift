extension CommandSpec {
    /// Parses `arguments` (without the program or subcommand name) against this spec.
    ///
    /// - Options take their value from `--name=value` or from the next argument, whatever
    ///   it looks like (`--filter -x` gives `-x`).
    /// - `--` ends options: everything after it is positional. A lone `-` is positional.
    ///   Any other argument starting with `-` is an option, so a negative number or a file
    ///   named `-x` must come after `--`.
    /// - Short flags are only those declared (and `-h`), one per argument: `-vq` is unknown.
    /// - `-h` or `--help` before `--` sets `wantsHelp`; the parse then never throws, so
    ///   `memgate check --help` works without its arguments.
    ///
    /// - Returns: The flags, option values and positionals found.
    /// - Throws: `UsageError` for the first problem on the command line:
    ///   `"unknown option '--sample'; did you mean '--samples'?"`,
    ///   `"flag '--no-isolation' does not take a value"`,
    ///   `"option '--samples' requires a value"`,
    ///   `"option '--samples' was given more than once"` (unless repeatable),
    ///   `"missing argument CURRENT"`, `"unexpected argument 'extra'"`.
    package func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(spec: self)
        var firstProblem: String?
        func problem(_ message: String) {
            if firstProblem == nil { firstProblem = message }
        }

        var index = arguments.startIndex
        var positionalsOnly = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if positionalsOnly || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
            } else if argument == "--" {
                positionalsOnly = true
            } else if !argument.hasPrefix("--") {
                if argument == "-h" {
                    parsed.wantsHelp = true
                } else if argument.count == 2, let flag = options.first(where: { $0.short == argument.last }) {
                    parsed.flagCounts[flag.name, default: 0] += 1
                } else {
                    problem(unknownOption(argument))
                }
            } else if let message = parseLong(argument, into: &parsed, arguments: arguments, index: &index) {
                problem(message)
            }
        }

        if parsed.wantsHelp { return parsed }
        if let firstProblem { throw UsageError(message: firstProblem, command: name) }
        if let message = positionalProblem(parsed.positionals) { throw UsageError(message: message, command: name) }
        return parsed
    }

    /// Parses one `--name` or `--name=value` argument into `parsed`, taking an option's value
    /// from `arguments[index]` (and advancing `index`) when it is not inline.
    /// - Returns: the problem with the argument, or nil.
    private func parseLong(
        _ argument: String, into parsed: inout ParsedArguments, arguments: [String], index: inout Int
    ) -> String? {
        let name: String, inline: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inline = String(argument[argument.index(after: equals)...])
        } else {
            name = argument
            inline = nil
        }
        if name == "--help" {
            if inline != nil { return "flag '--help' does not take a value" }
            parsed.wantsHelp = true
            return nil
        }
        guard let declared = option(named: name) else { return unknownOption(name) }
        switch declared.kind {
        case .flag:
            guard inline == nil else { return "flag '\(name)' does not take a value" }
            parsed.flagCounts[name, default: 0] += 1
            return nil
        case let .option(_, repeatable, _):
            let value: String
            if let inline {
                value = inline
            } else if index < arguments.endIndex {
                value = arguments[index]
                index += 1
            } else {
                return "option '\(name)' requires a value"
            }
            let repeated = !repeatable && parsed.optionValues[name] != nil
            parsed.optionValues[name, default: []].append(value)
            return repeated ? "option '\(name)' was given more than once" : nil
        }
    }

    /// The message for an argument that names no declared flag or option, with a suggestion.
    private func unknownOption(_ typed: String) -> String {
        let known = options.map(\.name) + ["--help"]
        guard let near = suggestion(for: typed, among: known) else { return "unknown option '\(typed)'" }
        return "unknown option '\(typed)'; did you mean '\(near)'?"
    }

    /// The message for too few or too many positional arguments, or nil when they fit.
    private func positionalProblem(_ given: [String]) -> String? {
        let required = positionals.filter { !$0.optional }
        if given.count < required.count {
            return "missing argument \(required[given.count].name)"
        }
        if given.count > positionals.count && !(positionals.last?.variadic ?? false) {
            return "unexpected argument '\(given[positionals.count])'"
        }
        return nil
    }
}
