/// A mistake on the command line, with the command to ask for help.
///
///     do { try spec.parse(arguments) } catch { print(error, to: &standardError) }
///     // unknown option '--sample'; did you mean '--samples'?
///     // Run 'memgate check --help' for usage.
///
/// Executables print the `description` to standard error and exit with their usage exit
/// code (2 for `memgate`). `message` is one line, lower-case, without a trailing period.
package struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What was wrong, e.g. `"missing argument CURRENT"`.
    package let message: String
    /// The command whose help explains the fix, e.g. `"memgate check"`.
    package let command: String

    /// Creates an error for `command`, so callers can report their own argument checks
    /// (a malformed `--threshold`, say) in the same form as the parser's.
    package init(message: String, command: String) {
        self.message = message
        self.command = command
    }

    /// The message followed by a second line pointing at the help:
    /// `"<message>\nRun '<command> --help' for usage."`, without a trailing newline.
    package var description: String {
        "\(message)\nRun '\(command) --help' for usage."
    }
}
