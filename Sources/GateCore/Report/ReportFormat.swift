/// The report formats `--output` accepts, and all but `html` the ones `--format` accepts.
/// Each is drawn from a `RenderInput` by the one entry point, `ReportFormat.render` in
/// MemGateCLI (which sees HTMLReport, a module above this one).
package enum ReportFormat: String, Sendable, CaseIterable {
    /// The terminal table (`Report.writeText`).
    case text
    /// GitHub-flavoured Markdown (`Report.writeMarkdown`).
    case markdown
    /// The JSON verdict (`Report.writeJSON`).
    case json
    /// JUnit XML (`Report.writeJUnit`).
    case junit
    /// GitHub Actions workflow commands (`Report.writeGitHubAnnotations`).
    case github
    /// One self-contained HTML page with charts (HTMLReport's `HTMLReportPage`), for files only.
    case html

    /// The formats `--format` accepts for standard output: every one but `html` (a page is
    /// an artifact to open, not terminal output), in declaration order.
    package static let standardOutput = allCases.filter { $0 != .html }

    /// The format a file path implies: a path ending in `.html` or `.htm` (any case) is
    /// HTML; otherwise by the extension of its last component, `.txt` text, `.md` Markdown,
    /// `.json` JSON, `.xml` JUnit; `nil` for anything else.
    package static func forPath(_ path: String) -> ReportFormat? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") { return .html }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "json": return .json
        case "xml": return .junit
        default: return nil
        }
    }

    /// Parses an `--output` value: `FORMAT:PATH` when the part before the first `:` is a
    /// format name, otherwise `PATH` with the format `forPath` gives.
    ///
    /// - Returns: the format and path, or `nil` when no format can be told or `FORMAT:` has
    ///   no path.
    package static func parseOutput(_ value: String) -> (ReportFormat, String)? {
        if let colon = value.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(value[..<colon])) {
            let path = String(value[value.index(after: colon)...])
            return path.isEmpty ? nil : (format, path)
        }
        return forPath(value).map { ($0, value) }
    }
}
