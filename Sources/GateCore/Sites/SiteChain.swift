import BenchResults
import CLISupport

/// A site's call chain as a reader sees it: the recorded frames with the compiler's outlined
/// helpers folded into their callers (`AllocationSite.shownFrames`), each with its source line
/// where recorded, innermost first, and
/// the two ways reports lay it out (`ChainLayout`).
package struct SiteChain: Sendable, Equatable {
    /// The indent of the lines under a site's row (the table's two spaces, then four).
    package static let indent = String(repeating: " ", count: 6)

    /// The shown frames, innermost first; never empty for a recorded site.
    package var frames: [String]

    /// The chain of `recorded` frames (a site's `frames`, with its `locations` if any),
    /// helpers folded, each frame with its line where known (`Blocks.flush() at Blocks.swift:42`).
    package init(recorded: [String], locations: [FrameLocation?]? = nil) {
        frames = AllocationSite.shownFrames(recorded, locations: locations)
    }

    /// The site itself: the first shown frame (the user's function), or empty.
    package var site: String { frames.first ?? "" }

    /// `frames` up to `budget` joined by ` <- `, then how many were left out:
    /// `A <- B <- C <- … 13 more frames`. For formats that wrap text themselves.
    package func compact(budget: Int = ChainLayout.wrappingFrames) -> String {
        let shown = frames.prefix(max(budget, 1)).joined(separator: " <- ")
        let left = frames.count - min(max(budget, 1), frames.count)
        return left == 0 ? shown : shown + " <- … " + Self.moreFrames(left)
    }

    /// The lines under the site's row, each `SiteChain.indent` then `<- frame` items
    /// separated by spaces, none wider than `layout.width` unless one item alone is: every
    /// frame after the first on as many lines as they take with `fullStacks`, else those that
    /// fit on one line, then `… 9 more frames; --full-stacks shows them`. Empty for a
    /// one-frame chain. Names are made terminal-safe.
    package func lines(_ layout: ChainLayout) -> [String] {
        var lines: [String] = []
        var line = Self.indent, lineWidth = Self.indent.count, onLine = 0
        for (index, frame) in frames.dropFirst().enumerated() {
            let item = "<- " + terminalSafe(frame), itemWidth = displayWidth(of: item)
            if onLine > 0 && lineWidth + 1 + itemWidth > layout.width {
                lines.append(line)
                guard layout.fullStacks else {
                    let left = frames.count - 1 - index
                    return lines + [Self.indent + "… " + Self.moreFrames(left) + "; --full-stacks shows " + (left == 1 ? "it" : "them")]
                }
                (line, lineWidth, onLine) = (Self.indent, Self.indent.count, 0)
            }
            line += (onLine > 0 ? " " : "") + item
            lineWidth += (onLine > 0 ? 1 : 0) + itemWidth
            onLine += 1
        }
        return onLine > 0 ? lines + [line] : lines
    }

    /// The lines of a rendered `TextTable` (`table`, whose rows are one line each after
    /// `headerLines` lines) with each row's `under` lines after it, every table line
    /// prefixed with `prefix`: a table of sites with their chains under their rows.
    package static func interleave(_ table: String, headerLines: Int, under: [[String]], prefix: String = "  ") -> [String] {
        table.split(separator: "\n").enumerated().flatMap { index, line in
            [prefix + line] + (index >= headerLines && index - headerLines < under.count ? under[index - headerLines] : [])
        }
    }

    /// `1 more frame`, `9 more frames`.
    static func moreFrames(_ count: Int) -> String { "\(count) more frame\(count == 1 ? "" : "s")" }
}
