/// Where in the source a frame of a site was: the file, line and column the debug information
/// (DWARF line tables) gives for the frame's address, for an inlined frame the line inside
/// the inlined function and for its caller the line of the call.
///
/// Shown beside a frame; never part of a site's identity (`AllocationSite.key`), so moving
/// unrelated lines of a file keeps every key.
package struct FrameLocation: Sendable, Equatable, Hashable, Codable {
    /// The file: relative to the folder the benchmark ran in when under it (`Sources/App/Parser.swift`),
    /// else as the compiler recorded it (an absolute path). Never empty.
    package var file: String
    /// The line, 1 or more.
    package var line: Int
    /// The column, 1 or more; absent where the line table gives none.
    package var column: Int?

    /// Creates a location.
    package init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The file's last path component and the line: `Parser.swift:42`, what a chain shows.
    package var short: String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return "\(name):\(line)"
    }

    /// `file:line:column` (or `file:line`), what the HTML page and `--full-stacks` show.
    package var full: String { column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)" }
}
