import BenchResults

extension HTMLReportPage {
    /// Both sides' environments, one row per field: rows whose values differ are marked
    /// (a class for the highlight and the words `differs` or `differs (fingerprint)` in their
    /// own column, so the difference never rests on colour alone).
    var environmentSection: String {
        let mismatches = Set(baseline.environment.fingerprintMismatches(with: current.environment))
        var out = "<section id=\"environment\"><h2>Environment</h2>\n"
        if !mismatches.isEmpty {
            out += "<p class=\"warn\">Fingerprint fields differ (\(mismatches.sorted().map(Markup.text).joined(separator: ", "))): "
                + "machine-dependent metrics are shown, not gated.</p>\n"
        }
        out += "<table class=\"env\"><thead><tr><th>field</th><th>baseline</th><th>current</th><th></th></tr></thead><tbody>\n"
        var rows: [(key: String, baseline: String?, current: String?)] = Environment.fields.map {
            ($0.key, $0.text(in: baseline.environment), $0.text(in: current.environment))
        }
        let extraKeys = Set((baseline.environment.extra ?? [:]).keys).union((current.environment.extra ?? [:]).keys)
        rows += extraKeys.sorted().map { ($0, baseline.environment.extra?[$0], current.environment.extra?[$0]) }
        for row in rows where row.baseline != nil || row.current != nil {
            let differs = row.baseline != row.current
            let mark = !differs ? "" : mismatches.contains(row.key) ? "differs (fingerprint)" : "differs"
            out += "<tr\(differs ? " class=\"differs\"" : "")><td><code>\(Markup.text(row.key))</code></td>"
                + "<td>\(Markup.userText(row.baseline ?? "-"))</td><td>\(Markup.userText(row.current ?? "-"))</td>"
                + "<td>\(mark)</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }
}
