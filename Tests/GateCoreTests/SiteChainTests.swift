import BenchResults
@testable import GateCore
import Testing

/// How a site's call chain is laid out (golden text): the first frame on the site's row, the
/// rest under it within the width, the compact form of the formats that wrap, and the
/// compiler's outlined helpers folded into their callers.
@Suite struct SiteChainTests {
    /// The 16-frame chain `memgate explain` showed on one 700-character line (examples' json/encode).
    private let sixteen = SiteChain(recorded: [
        "Coding.Item.encode(to:)", "closure #1 in __JSONEncoder.wrapGeneric(_:for:)", "__JSONEncoder.wrapGeneric(_:for:)",
        "_JSONUnkeyedEncodingContainer.encode(_:)", "Array.encode(to:)", "closure #1 in __JSONEncoder.wrapGeneric(_:for:)",
        "__JSONEncoder.wrapGeneric(_:for:)", "__JSONEncoder.wrap(_:for:)", "_JSONKeyedEncodingContainer.encode(_:forKey:)",
        "_KeyedEncodingContainerBox.encode(_:forKey:)", "KeyedEncodingContainer.encode(_:forKey:)", "Coding.Order.encode(to:)",
        "closure #1 in __JSONEncoder.wrapGeneric(_:for:)", "__JSONEncoder.wrapGeneric(_:for:)",
        "_JSONUnkeyedEncodingContainer.encode(_:)", "Array.encode(to:)",
    ])

    @Test func atWidth100TheFramesThatFitThenTheCount() {
        #expect(sixteen.site == "Coding.Item.encode(to:)")
        #expect(sixteen.lines(ChainLayout(width: 100)) == [
            "      <- closure #1 in __JSONEncoder.wrapGeneric(_:for:) <- __JSONEncoder.wrapGeneric(_:for:)",
            "      … 13 more frames; --full-stacks shows them",
        ])
    }

    @Test func atWidth60OneFramePerLineAndNoLineWider() {
        let lines = sixteen.lines(ChainLayout(width: 60))
        #expect(lines == [
            "      <- closure #1 in __JSONEncoder.wrapGeneric(_:for:)",
            "      … 14 more frames; --full-stacks shows them",
        ])
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func fullStacksShowEveryFrameWrappedAtTheWidth() {
        let lines = sixteen.lines(ChainLayout(width: 100, fullStacks: true))
        #expect(lines == [
            "      <- closure #1 in __JSONEncoder.wrapGeneric(_:for:) <- __JSONEncoder.wrapGeneric(_:for:)",
            "      <- _JSONUnkeyedEncodingContainer.encode(_:) <- Array.encode(to:)",
            "      <- closure #1 in __JSONEncoder.wrapGeneric(_:for:) <- __JSONEncoder.wrapGeneric(_:for:)",
            "      <- __JSONEncoder.wrap(_:for:) <- _JSONKeyedEncodingContainer.encode(_:forKey:)",
            "      <- _KeyedEncodingContainerBox.encode(_:forKey:) <- KeyedEncodingContainer.encode(_:forKey:)",
            "      <- Coding.Order.encode(to:) <- closure #1 in __JSONEncoder.wrapGeneric(_:for:)",
            "      <- __JSONEncoder.wrapGeneric(_:for:) <- _JSONUnkeyedEncodingContainer.encode(_:)",
            "      <- Array.encode(to:)",
        ])
        let narrow = sixteen.lines(ChainLayout(width: 60, fullStacks: true))
        #expect(narrow.count == 15 && narrow.allSatisfy { $0.count <= 60 })
        #expect(narrow.map { $0.dropFirst(9) } == sixteen.frames.dropFirst().map { Substring($0) })
    }

    @Test func aFrameWiderThanTheLineStandsAloneAndShortChainsNeedNoCount() {
        let long = String(repeating: "x", count: 80)
        let chain = SiteChain(recorded: ["f()", long, "g()"])
        #expect(chain.lines(ChainLayout(width: 40)) == ["      <- " + long, "      … 1 more frame; --full-stacks shows it"])
        #expect(SiteChain(recorded: ["f()"]).lines(ChainLayout()) == [])
        #expect(SiteChain(recorded: ["f()", "body"]).lines(ChainLayout()) == ["      <- body"])
        // Never narrower than the minimum, whatever the terminal says.
        #expect(ChainLayout(width: 5).width == ChainLayout.minimumWidth)
    }

    @Test func theWrappingFormatsShowTheBudgetThenTheCount() {
        #expect(sixteen.compact() == "Coding.Item.encode(to:) <- closure #1 in __JSONEncoder.wrapGeneric(_:for:) "
            + "<- __JSONEncoder.wrapGeneric(_:for:) <- … 13 more frames")
        #expect(sixteen.compact(budget: ChainLayout(fullStacks: true).budget) == sixteen.frames.joined(separator: " <- "))
        #expect(SiteChain(recorded: ["a", "b", "c"]).compact() == "a <- b <- c")
        #expect(SiteChain(recorded: ["a", "b", "c", "d"]).compact() == "a <- b <- c <- … 1 more frame")
    }

    @Test func outlinedHelpersFoldIntoTheirCallers() {
        let chain = SiteChain(recorded: [
            "outlined init with take of App.Token", "outlined destroy of App.Token", "Parser.parse()",
            "__swift_project_boxed_opaque_existential_1", "closure #1 in Suite.register(_:)",
        ])
        #expect(chain.frames == ["Parser.parse()", "closure #1 in Suite.register(_:)"])
        // The examples' site whose caller the unwinder did not record.
        #expect(SiteChain(recorded: ["__swift_allocate_boxed_opaque_existential_1Tm"]).frames
            == ["caller of __swift_allocate_boxed_opaque_existential_1Tm (not recorded)"])
        // The runtime's own __swift_ functions and the user's names are not helpers.
        for name in ["__swift_retain_", "outlinedCopy()", "swift_allocObject", "Outlined.copy()"] {
            #expect(!AllocationSite.isCompilerHelper(name), "\(name)")
        }
    }

    /// A text report's site row shows the first frame; the chain goes under it, width-limited;
    /// the JSON verdict keeps every recorded frame.
    @Test func theTextReportPutsTheChainUnderTheRow() {
        let site = AllocationSite(key: "k", allocationsPerOp: 1, bytesPerOp: 8, frames: sixteen.frames, via: "swift_allocObject")
        let diff = SiteDiff(baseline: AllocationSites(iterations: 10, allocationsPerOp: 0, bytesPerOp: 0, sites: []),
                            current: AllocationSites(iterations: 10, allocationsPerOp: 1, bytesPerOp: 8, sites: [site]))!
        let text = diff.explanation(benchmark: "json/encode", layout: ChainLayout(width: 60))
        #expect(text.contains("""
          new   Coding.Item.encode(to:)  via swift_allocObject
              <- closure #1 in __JSONEncoder.wrapGeneric(_:for:)
              … 14 more frames; --full-stacks shows them

        """), "\(text)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        // The chain lines (not the table row, whose width is the table's) are within the width.
        #expect(!lines.filter { $0.hasPrefix(SiteChain.indent) }.contains { $0.count > 60 }, "\(text)")
    }

    /// Each frame shows its line where recorded (the file's name, not its folders); a folded
    /// helper's location goes with it; the folded stacks split a function by line, as
    /// `pprof -lines` does; the JSON verdict carries the locations whole.
    @Test func framesShowTheirLines() throws {
        let site = AllocationSite(
            key: "k", allocationsPerOp: 1, bytesPerOp: 32,
            frames: ["Blocks.allocateOne(bytes:)", "outlined copy of App.Token", "Blocks.flush()", "closure #1 in register(_:)"],
            via: "UnsafeMutableRawPointer.allocate(byteCount:alignment:)",
            locations: [
                FrameLocation(file: "Sources/App/Blocks.swift", line: 43, column: 20),
                FrameLocation(file: "Sources/App/Token.swift", line: 1),
                FrameLocation(file: "Sources/App/Blocks.swift", line: 38, column: 9), nil,
            ])
        let chain = SiteChain(recorded: site.frames, locations: site.locations)
        #expect(chain.frames == [
            "Blocks.allocateOne(bytes:) at Blocks.swift:43", "Blocks.flush() at Blocks.swift:38", "closure #1 in register(_:)",
        ])
        #expect(chain.compact()
            == "Blocks.allocateOne(bytes:) at Blocks.swift:43 <- Blocks.flush() at Blocks.swift:38 <- closure #1 in register(_:)")
        let profile = AllocationSites(iterations: 10, allocationsPerOp: 1, bytesPerOp: 32, sites: [site])
        #expect(FoldedStacks.lines([("blocks", profile)]) == [
            "blocks;closure #1 in register(_:);Blocks.flush() at Blocks.swift:38;outlined copy of App.Token at Token.swift:1;"
                + "Blocks.allocateOne(bytes:) at Blocks.swift:43;via UnsafeMutableRawPointer.allocate(byteCount:alignment:) 10",
        ])
        let empty = AllocationSites(iterations: 10, allocationsPerOp: 0, bytesPerOp: 0, sites: [])
        let diff = try #require(SiteDiff(baseline: empty, current: profile))
        #expect(diff.changes.first?.locations == site.locations)
        let json = Report.json(diff).written(.compact)
        #expect(json.contains(#""frames":["Blocks.allocateOne(bytes:)","outlined copy of App.Token","Blocks.flush()","#
            + #""closure #1 in register(_:)"],"key":"k","kind":"new","locations":[{"column":20,"file":"Sources/App/Blocks.swift","#
            + #""line":43},{"file":"Sources/App/Token.swift","line":1},{"column":9,"file":"Sources/App/Blocks.swift","line":38},null]"#),
            "\(json)")
        let text = diff.explanation(benchmark: "blocks", layout: ChainLayout(width: 100))
        #expect(text.contains("new   Blocks.allocateOne(bytes:) at Blocks.swift:43  "
            + "via UnsafeMutableRawPointer.allocate(byteCount:alignment:)\n"
            + "      <- Blocks.flush() at Blocks.swift:38 <- closure #1 in register(_:)\n"), "\(text)")
    }
}

