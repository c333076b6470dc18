/// How a text report and `memgate explain` lay a site's call chain out: the site's first
/// frame on its row, the rest on indented lines under it, no line wider than `width`
/// display columns (unless one frame alone is wider), and with `fullStacks` false only as
/// many frames as fit on one such line, then a count of the rest.
///
/// Markdown, GitHub annotations, JUnit messages and the HTML page wrap text themselves: they
/// show `budget` frames on one line (all with `fullStacks`), then the count of the rest.
package struct ChainLayout: Sendable, Equatable {
    /// The width when standard output is not a terminal (a file, a pipe, a CI log): 100 columns.
    package static let defaultWidth = 100
    /// The narrowest width used, whatever the terminal says (room for the indent and a frame).
    package static let minimumWidth = 40
    /// Frames the formats that wrap show before the count of the rest (`--full-stacks`: all).
    package static let wrappingFrames = 3

    /// The widest line, in display columns, of a chain's indented lines.
    package var width: Int
    /// Every frame (`--full-stacks`), on as many indented lines as they take.
    package var fullStacks: Bool

    /// A layout `width` columns wide (at least `minimumWidth`).
    package init(width: Int = ChainLayout.defaultWidth, fullStacks: Bool = false) {
        self.width = max(width, Self.minimumWidth)
        self.fullStacks = fullStacks
    }

    /// The frames a wrapping format shows before the count of the rest.
    package var budget: Int { fullStacks ? Int.max : Self.wrappingFrames }
}
