import GateCore

/// The few rules every piece of the HTML report writes markup by: one escaper for text and
/// attribute values (HTML and inline SVG alike), user text isolated for bidirectional
/// layout, and coordinates printed short.
///
///     Markup.text("<script>")        // "&lt;script&gt;"
///     Markup.userText("abc\u{202E}") // "<bdi>abc\u{202E}</bdi>"
///     Markup.number(12.25)           // "12.3"
package enum Markup {
    /// `text` safe as HTML or SVG text content and as a quoted attribute value: `& < > " '`
    /// become entities and control characters become visible (GateCore's XML escaper, the
    /// one the JUnit and flame-graph renderers use).
    package static func text(_ text: String) -> String { Escape.xml(text) }

    /// User-supplied text (a benchmark name, a note) as HTML: escaped and wrapped in `<bdi>`,
    /// so right-to-left runs and bidi overrides (U+202E) cannot reorder the text around it.
    package static func userText(_ text: String) -> String { "<bdi>\(Escape.xml(text))</bdi>" }

    /// A coordinate with at most one decimal and no trailing `.0` (`12`, `12.3`, `-0.5`);
    /// non-finite values print as 0 and magnitudes are capped at 10^9 (far off any page).
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (min(max(value, -1e9), 1e9) * 10).rounded()
        if tenths == 0 { return "0" }
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int64(tenths / 10)) }
        return String(Double(Int64(tenths)) / 10)
    }

    /// An inline SVG opening (HTML needs no `xmlns`): the `svg` element (with `role="img"` and
    /// a class for the style sheet), then its `<title>`, the text alternative screen readers
    /// announce.
    package static func svgOpening(width: Double, height: Double, className: String, title: String) -> String {
        "<svg class=\"\(className)\" role=\"img\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\">"
            + "<title>\(text(title))</title>"
    }

    /// A `<text>` element at (`x`, `y`) with an optional `text-anchor` and class.
    package static func label(_ content: String, x: Double, y: Double, anchor: String? = nil, className: String? = nil) -> String {
        let anchorAttribute = anchor.map { " text-anchor=\"\($0)\"" } ?? ""
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<text x=\"\(number(x))\" y=\"\(number(y))\"\(anchorAttribute)\(classAttribute)>\(text(content))</text>"
    }

    /// A `<line>` from (`x1`, `y1`) to (`x2`, `y2`) with a class.
    package static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" class=\"\(className)\"/>"
    }
}
