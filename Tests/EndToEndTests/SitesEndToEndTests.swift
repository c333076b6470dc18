import BenchResults
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

extension PackageBuildingTests {
    /// A change that adds one allocation in a named function (`Blocks.flush()`) fails
    /// `memgate run`, and the text, Markdown and GitHub reports name that function as the new
    /// site; `memgate explain` shows it, as text, collapsed stacks and an SVG flame graph.
    @Suite(.serialized, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct SitesEndToEndTests {
        private func memgate(_ package: TinyBenchFixture, _ arguments: [String]) throws -> MemGateProcess.Outcome {
            try MemGateProcess.run(arguments, in: package.directory.url, timeout: 900)
        }

        private let gate = TinyBenchFixture.run(["--noisy", "report", "--samples", "3", "--sample-time", "2ms"])

        @Test func aNewAllocationSiteIsNamedInEveryReportAndInExplain() throws {
            let package = try TinyBenchFixture()
            let record = try memgate(package, gate + ["--update"])
            #expect(record.code == 0, "\(record.stderr)")
            let baseline = try ResultsFile.read(contentsOf: package.directory.file("baselines/baseline.json"))
            let recorded = try #require(baseline["blocks"]?.allocationSites)
            #expect(recorded.sites.map { $0.frames.first } == ["Blocks.make(_:)"] && recorded.sites.first?.allocationsPerOp == 2)

            try package.edit("// EDIT: a call added here allocates at a new site", "Blocks.flush()")
            let regressed = try memgate(package, gate + ["--output", "markdown:report.md", "--output", "github:annotations.txt"])
            #expect(regressed.code == 1, "\(regressed.stdout)\n\(regressed.stderr)")
            let text = regressed.stdout
            #expect(text.contains("Where blocks allocates differently (allocs +1 allocs/op, bytes +32 B/op; per op):"), "\(text)")
            let siteLine = text.split(separator: "\n").first { $0.contains("Blocks.flush()") }
            #expect(siteLine.map { $0.contains("+1 allocs/op") && $0.contains("+32 B/op") && $0.contains("new") } == true, "\(text)")
            // The site's first frame on its row, its caller on the indented line under it.
            #expect(text.contains("Blocks.flush()  via "), "\(text)")
            #expect(text.contains("\n      <- closure #1 in TinyBenchmarks.register(_:)\n"), "\(text)")
            #expect(!text.contains("Blocks.make(_:)"), "an unchanged site is not listed under a failure")
            let markdown = try #require(package.directory.read("report.md"))
            #expect(markdown.contains("**Where blocks allocates differently**"), "\(markdown)")
            #expect(markdown.contains("+1 allocs/op, +32 B/op: new `Blocks.flush() <- closure #1 in TinyBenchmarks.register(_:)`"),
                "\(markdown)")
            let annotations = try #require(package.directory.read("annotations.txt"))
            let error = annotations.split(separator: "\n").first { $0.hasPrefix("::error title=memgate%3A blocks allocs::") }
            #expect(error.map { $0.contains("%0Asites: +1 allocs/op +32 B/op new Blocks.flush()") } == true, "\(annotations)")

            let explained = try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json", "--filter", "^blocks$"])
            #expect(explained.code == 0, "\(explained.stderr)")
            #expect(explained.stdout.hasPrefix("blocks: 2 allocs/op -> 3 allocs/op, 128 B/op -> 160 B/op\n"), "\(explained.stdout)")
            let flushRow = explained.stdout.split(separator: "\n").first { $0.contains("Blocks.flush()") }
            #expect(flushRow.map { $0.contains("new") && $0.contains("+1 allocs/op") } == true, "\(explained.stdout)")
            let explainLines = explained.stdout.split(separator: "\n")
            let under = explainLines.firstIndex { $0.contains("Blocks.flush()") }.map { explainLines[$0 + 1] }
            #expect(under == "      <- closure #1 in TinyBenchmarks.register(_:)", "\(explained.stdout)")
            #expect(explained.stdout.split(separator: "\n").contains { $0.contains("Blocks.make(_:)") && $0.contains("unchanged") })

            try expectFoldedGrammar(try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json",
                                                          "--format", "folded"]))
            try expectWellFormedSVG(package)
        }

        /// Every line is `frame(;frame)* COUNT`, frames without `;`; the new site is one of them.
        private func expectFoldedGrammar(_ folded: MemGateProcess.Outcome) throws {
            #expect(folded.code == 0, "\(folded.stderr)")
            let lines = folded.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(!lines.isEmpty && folded.stdout.hasSuffix("\n"))
            let grammar = #/^[^;\n]+(;[^;\n]+)* [0-9]+$/#
            for line in lines { #expect(line.wholeMatch(of: grammar) != nil, "\(line)") }
            #expect(lines.contains {
                $0.hasPrefix("blocks;closure #1 in TinyBenchmarks.register(_:);Blocks.flush();via ") && $0.hasSuffix(" 10")
            }, "\(folded.stdout)")
        }

        /// The SVG parses as XML and has one `<g class="frame">` per frame of the graph.
        private func expectWellFormedSVG(_ package: TinyBenchFixture) throws {
            let drawn = try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json", "--format", "svg",
                                              "--output", "graph.svg"])
            #expect(drawn.code == 0, "\(drawn.stderr)")
            // --side picks the folded file; the SVG shows both, so asking for a side is an error.
            let sided = try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json", "--format", "svg",
                                              "--side", "baseline"])
            #expect(sided.code == 2 && sided.stderr.contains("--side chooses the file --format folded prints"), "\(sided.stderr)")
            let data = try #require(FileManager.default.contents(atPath: package.directory.file("graph.svg")))
            let counter = FrameCounter()
            let parser = XMLParser(data: data)
            parser.delegate = counter
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            // all; blocks and spin... each benchmark with sites; then their frames: count them from the folded stacks.
            let folded = try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json", "--format", "folded"])
            var prefixes: Set<String> = ["all"]
            for line in folded.stdout.split(separator: "\n") {
                let frames = line[..<line.lastIndex(of: " ")!].split(separator: ";")
                for depth in 1...frames.count { prefixes.insert(frames.prefix(depth).joined(separator: ";")) }
            }
            #expect(counter.frames == prefixes.count, "\(counter.frames) frames drawn, \(prefixes.count) in the stacks")
            #expect(counter.titles.contains { $0.hasPrefix("Blocks.flush(): 1 allocs/op (baseline 0 allocs/op)") }, "\(counter.titles)")
        }
    }
}

/// Counts `<g class="frame">` elements and collects their `<title>` texts.
private final class FrameCounter: NSObject, XMLParserDelegate {
    var frames = 0
    var titles: [String] = []
    private var inTitle = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "g" && attributes["class"] == "frame" { frames += 1 }
        if name == "title" { inTitle = true; titles.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { titles[titles.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
    }
}
