import Foundation

/// The `.gitignore` line for `.memgate/` (where `memgate run` writes each run's results),
/// and whether an ignore file already has one.
package enum MemGateIgnore {
    /// The line `memgate init` adds.
    package static let line = ".memgate/"

    /// The lines (spaces around them aside) that ignore the `.memgate` folder at the package's
    /// root: with or without a leading `/`, a trailing `/`, `/*` or `/**`.
    private static let ignoring: Set<String> = {
        let names = [".memgate", "/.memgate"]
        return Set(names.flatMap { [$0, $0 + "/", $0 + "/*", $0 + "/**"] })
    }()

    /// Whether a line of `text` (a `.gitignore`'s content) is one of the lines that ignore
    /// `.memgate/`. Broader patterns (`.*`) and later negations (`!.memgate`) are not
    /// interpreted: such a file gets the line anyway, which does no harm.
    package static func isIgnored(in text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { ignoring.contains($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// `text` with `line` appended on a line of its own (after a line break if `text` does
    /// not end with one).
    package static func appended(to text: String) -> String {
        let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
        return text + separator + line + "\n"
    }
}
