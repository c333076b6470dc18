/// A table of text for terminals: a header, a rule, then rows, with columns padded to the
/// widest cell.
///
///     var table = TextTable(columns: [.init("benchmark"), .init("time/op", alignment: .right)])
///     table.addRow(["sort/n=10", "1.2 µs"])
///     table.addSeparator()
///     table.addRow(["sort/n=1000", Cell("180 µs", colour: .red)])
///     print(table.render(style: .plain), terminator: "")
///     // benchmark    time/op
///     // --------------------
///     // sort/n=10     1.2 µs
///     // --------------------
///     // sort/n=1000   180 µs
///
/// Widths are display columns (see `Character.terminalWidth`: East Asian wide characters
/// and emoji count 2) measured on plain text, so colour never shifts alignment. Columns are
/// separated by two spaces and lines never end in spaces. The header is bold when colour is on.
package struct TextTable: Sendable {
    /// Which side of its column a cell's text sits on.
    package enum Alignment: Sendable {
        case left, right
    }

    /// A column: its title and alignment (which also applies to the title).
    package struct Column: Sendable {
        /// The header text.
        package var title: String
        /// How cells in this column are aligned.
        package var alignment: Alignment

        /// Creates a column titled `title`.
        package init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    private enum Row: Sendable {
        case cells([Cell])
        case separator
    }

    /// The table's columns, in order.
    package let columns: [Column]
    private var rows: [Row] = []

    /// Creates an empty table. Traps if `columns` is empty.
    package init(columns: [Column]) {
        precondition(!columns.isEmpty, "TextTable needs at least one column")
        self.columns = columns
    }

    /// Appends a row. Traps unless `cells` has exactly one cell per column.
    package mutating func addRow(_ cells: [Cell]) {
        precondition(cells.count == columns.count,
                     "TextTable.addRow: \(cells.count) cells for \(columns.count) columns")
        rows.append(.cells(cells.map { Cell(terminalSafe($0.text), colour: $0.colour, bold: $0.bold) }))
    }

    /// Appends a rule between the rows before and after it. Separators before the first row,
    /// after the last row, or next to another separator are not drawn.
    package mutating func addSeparator() {
        rows.append(.separator)
    }

    /// The table as text, one line per row, ending with a newline; colour and bold are
    /// emitted only when `style.colour` is true. Without `header`, the titles and the rule
    /// under them are left out (and do not widen the columns).
    package func render(style: TerminalStyle, header showsHeader: Bool = true) -> String {
        let header = columns.map { Cell(terminalSafe($0.title), bold: true) }
        var widths = header.map { showsHeader ? displayWidth(of: $0.text) : 0 }
        for case let .cells(cells) in rows {
            for (index, cell) in cells.enumerated() { widths[index] = max(widths[index], displayWidth(of: cell.text)) }
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"

        var output = showsHeader ? line(header, widths: widths, style: style) + rule : ""
        var pendingSeparator = false
        var afterRow = false
        for row in rows {
            switch row {
            case .separator:
                pendingSeparator = afterRow
            case let .cells(cells):
                if pendingSeparator { output += rule }
                output += line(cells, widths: widths, style: style)
                pendingSeparator = false
                afterRow = true
            }
        }
        return output
    }

    /// One rendered line: each cell painted, then padded outside its escape codes.
    private func line(_ cells: [Cell], widths: [Int], style: TerminalStyle) -> String {
        var pieces: [String] = []
        for (index, cell) in cells.enumerated() {
            let padding = String(repeating: " ", count: widths[index] - displayWidth(of: cell.text))
            let painted = style.paint(cell.text, cell.colour, bold: cell.bold)
            pieces.append(columns[index].alignment == .left ? painted + padding : padding + painted)
        }
        return pieces.joined(separator: "  ")[...].trimmingTrailingSpaces() + "\n"
    }
}
