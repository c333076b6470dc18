extension CommandSpec {
    /// The help for this command, ending with a newline:
    ///
    ///     USAGE: memgate check [options] BASELINE CURRENT
    ///
    ///     Compare CURRENT with BASELINE.
    ///
    ///     ARGUMENTS:
    ///       BASELINE               The results file kept as the baseline.
    ///       CURRENT                The results file to check.
    ///
    ///     OPTIONS:
    ///           --format <FORMAT>  text, markdown or json. (default: text)
    ///       -v, --verbose          Show every metric, not only the ones that moved.
    ///       -h, --help             Show this help.
    ///
    /// Sections come in that order, with the discussion (if any) after the summary and
    /// ARGUMENTS only when positionals are declared. Flags and options are listed in
    /// declaration order with `-h, --help` last; repeatable options say `(repeatable)`.
    /// Names share one column across both sections; a name wider than 28 columns gets its
    /// help on the next line instead of widening the column.
    /// Lines after the first of a multi-line help are indented to the help column.
    /// No line has trailing spaces.
    package var helpText: String {
        var sections = [usageSection, summary]
        if let discussion, !discussion.isEmpty { sections.append(discussion) }

        let arguments = positionals.map { positional in
            (positional.variadic ? positional.name + "..." : positional.name,
             positional.help + (positional.optional ? " (optional)" : ""))
        }
        let options = (options + [Self.helpOption]).map { option in
            switch option.kind {
            case let .flag(short):
                return ((short.map { "-\($0), " } ?? "    ") + option.name, option.help)
            case let .option(value, repeatable, defaultDescription):
                var help = option.help
                if repeatable { help += " (repeatable)" }
                if let defaultDescription { help += " (default: \(defaultDescription))" }
                return ("    \(option.name) <\(value)>", help)
            }
        }
        let fitting = (arguments + options).map { displayWidth(of: $0.0) }.filter { $0 <= Self.helpNameColumnLimit }
        let column = fitting.max() ?? Self.helpNameColumnLimit
        if !arguments.isEmpty { sections.append("ARGUMENTS:\n" + Self.rows(arguments, column: column)) }
        sections.append("OPTIONS:\n" + Self.rows(options, column: column))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The widest name (in display columns) that keeps its help on the same line.
    static let helpNameColumnLimit = 28

    /// `-h, --help`, always declared and always listed last.
    static let helpOption = OptionSpec(name: "--help", kind: .flag(short: "h"), help: "Show this help.")

    /// The `USAGE:` line(s): each line of `usage` prefixed with `name` unless it starts with it,
    /// or one line generated from the declarations when `usage` is empty.
    private var usageSection: String {
        let lines = usage.isEmpty ? [generatedUsage] : usage.split(separator: "\n").map { line in
            line.hasPrefix(name) ? String(line) : "\(name) \(line)"
        }
        return lines.enumerated().map { index, line in
            (index == 0 ? "USAGE: " : "       ") + line
        }.joined(separator: "\n")
    }

    /// `name [options] REQUIRED [OPTIONAL] [MANY...]`.
    private var generatedUsage: String {
        let arguments = positionals.map { positional in
            let token = positional.variadic ? positional.name + "..." : positional.name
            return positional.optional ? "[\(token)]" : token
        }
        return ([name, "[options]"] + arguments).joined(separator: " ")
    }

    /// Two-space-indented rows of names padded to `column`, two spaces, then the help.
    private static func rows(_ entries: [(name: String, help: String)], column: Int) -> String {
        let indent = String(repeating: " ", count: 2 + column + 2)
        return entries.map { name, help in
            let helpLines = help.split(separator: "\n", omittingEmptySubsequences: false)
            let width = displayWidth(of: name)
            var text = "  " + name
            if width > column {
                text += "\n" + indent + (helpLines.first ?? "")
            } else {
                text += String(repeating: " ", count: column - width + 2) + (helpLines.first ?? "")
            }
            for line in helpLines.dropFirst() { text += "\n" + indent + line }
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension Substring {
    /// This text without trailing U+0020 spaces.
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
