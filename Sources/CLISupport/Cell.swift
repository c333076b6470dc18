/// One cell of a `TextTable`: text, with an optional colour and weight shown only when the
/// table is rendered with colour.
///
///     table.addRow(["sort/n=1000", Cell("+12.5%", colour: .red, bold: true), "\(count)"])
///
/// String literals (and interpolations) are plain cells.
package struct Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// The text. It is printed on one line: line breaks become spaces and other control
    /// characters `?`, so untrusted names cannot break the layout or inject escapes.
    package var text: String
    /// The colour, or nil for the terminal's default.
    package var colour: ANSIColour?
    /// Whether the text is bold.
    package var bold: Bool

    /// Creates a cell.
    package init(_ text: String, colour: ANSIColour? = nil, bold: Bool = false) {
        self.text = text
        self.colour = colour
        self.bold = bold
    }

    /// Creates a plain cell from a string literal.
    package init(stringLiteral text: String) {
        self.init(text)
    }
}
