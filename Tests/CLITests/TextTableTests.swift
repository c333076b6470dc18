import Testing
@testable import CLISupport

/// `text` without ANSI SGR sequences (`ESC [ ... m`).
func strippingEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    for character in text {
        if character == "\u{1B}" {
            inEscape = true
        } else if inEscape {
            if character == "m" { inEscape = false }
        } else {
            result.append(character)
        }
    }
    return result
}

private func sampleTable() -> TextTable {
    var table = TextTable(columns: [.init("benchmark"), .init("time/op", alignment: .right), .init("delta", alignment: .right)])
    table.addRow(["sort/n=10", "1.2 µs", Cell("~", colour: .grey)])
    table.addSeparator()
    table.addRow(["sort/n=1000", "180 µs", Cell("+12.5%", colour: .red, bold: true)])
    return table
}

@Suite struct TextTableTests {
    @Test func plainRendering() {
        #expect(sampleTable().render(style: .plain) == """
            benchmark    time/op   delta
            ----------------------------
            sort/n=10     1.2 µs       ~
            ----------------------------
            sort/n=1000   180 µs  +12.5%

            """)
    }

    @Test func colourIsEmittedOnlyWithColourAndNeverCountsInWidth() {
        let coloured = sampleTable().render(style: TerminalStyle(colour: true))
        #expect(coloured.contains("\u{1B}[1;31m+12.5%\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[90m~\u{1B}[0m"))
        #expect(coloured.hasPrefix("\u{1B}[1mbenchmark\u{1B}[0m"))
        #expect(strippingEscapes(coloured) == sampleTable().render(style: .plain))
        #expect(!sampleTable().render(style: .plain).contains("\u{1B}"))
    }

    @Test func leftAlignedLastColumnHasNoTrailingSpaces() {
        var table = TextTable(columns: [.init("a"), .init("name")])
        table.addRow(["1", "x"])
        table.addRow(["2", ""])
        table.addRow(["3", "longer"])
        #expect(table.render(style: .plain) == "a  name\n---------\n1  x\n2\n3  longer\n")
        #expect(strippingEscapes(table.render(style: TerminalStyle(colour: true))) == table.render(style: .plain))
    }

    @Test func wideCharactersAlign() {
        var table = TextTable(columns: [.init("name"), .init("n", alignment: .right)])
        table.addRow(["日本", "1"])
        table.addRow(["abcde", "22"])
        #expect(table.render(style: .plain) == "name    n\n---------\n日本    1\nabcde  22\n")
    }

    @Test func separatorsAtTheEdgesOrRepeatedAreNotDrawn() {
        var table = TextTable(columns: [.init("x")])
        table.addSeparator()
        table.addRow(["1"])
        table.addSeparator()
        table.addSeparator()
        table.addRow(["2"])
        table.addSeparator()
        #expect(table.render(style: .plain) == "x\n-\n1\n-\n2\n")
    }

    @Test func emptyTableIsHeaderAndRule() {
        #expect(TextTable(columns: [.init("a"), .init("bb")]).render(style: .plain) == "a  bb\n-----\n")
    }

    @Test func controlCharactersCannotBreakTheLayout() {
        var table = TextTable(columns: [.init("name"), .init("v", alignment: .right)])
        table.addRow(["evil\n\u{1B}[2J", "1"])
        #expect(table.render(style: .plain) == #"""
            name             v
            ------------------
            evil\n\u{1B}[2J  1

            """#)
    }

    @Test func cellsFromLiteralsAndInterpolations() {
        let count = 3
        let cells: [Cell] = ["plain", "\(count) allocs"]
        #expect(cells == [Cell("plain"), Cell("3 allocs")])
    }

    @Test func rowWithWrongCellCountTraps() async {
        await #expect(processExitsWith: .failure) {
            var table = TextTable(columns: [.init("a"), .init("b")])
            table.addRow(["only one"])
        }
    }
}
