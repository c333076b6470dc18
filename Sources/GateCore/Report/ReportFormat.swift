/// The report formats `--format` and `--output` accept.
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

    /// The format a file extension implies: `.txt` text, `.md` Markdown, `.json` JSON,
    /// `.xml` JUnit; `nil` for anything else.
    package static func forPath(_ path: String) -> ReportFormat? {
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
    /// format name, otherwise `PATH` with the format from its extension.
    ///
    /// - Returns: the format and path, or `nil` when no format can be told.
    package static func parseOutput(_ value: String) -> (ReportFormat, String)? {
        if let colon = value.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(value[..<colon])) {
            let path = String(value[value.index(after: colon)...])
            return path.isEmpty ? nil : (format, path)
        }
        return forPath(value).map { ($0, value) }
    }
}

extension Report {
    /// The report rendered in `format`.
    package func rendered(_ format: ReportFormat, options: RenderOptions, policy: InconclusivePolicy) -> String {
        var text = ""
        switch format {
        case .text: writeText(to: &text, options: options)
        case .markdown: writeMarkdown(to: &text, options: options)
        case .json: writeJSON(to: &text, policy: policy)
        case .junit: writeJUnit(to: &text)
        case .github: writeGitHubAnnotations(to: &text)
        }
        return text
    }
}
