import BenchResults
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

extension TinyBenchPackageTests {
    /// A change that adds one allocation in a named function (`Blocks.flush()`) fails
    /// `memgate run`, and the text, Markdown and GitHub reports name that function as the new
    /// site; `memgate explain` shows it, as text, collapsed stacks and an SVG flame graph.
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct SitesEndToEndTests {
        private func memgate(_ package: TinyBenchFixture, _ arguments: [String]) throws -> MemGateProcess.Outcome {
            try MemGateProcess.run(arguments, in: package.directory.url, timeout: 900)
        }

        private let gate = TinyBenchFixture.run(["--noisy", "report", "--samples", "3", "--sample-time", "2ms"])

        /// The lines of the site `flush()` adds: `allocateOne(bytes:)` (inlined, `@inline(__always)`)
        /// at its allocating line, `flush()` at its call, the benchmark's closure at its call.
        private struct FlushLines {
            var allocate: String, flush: String, closure: String
            init(_ package: TinyBenchFixture) {
                let file = "TinyBenchmarks.swift:"
                allocate = "Blocks.allocateOne(bytes:) at " + file + "\(package.line(of: "UnsafeMutableRawPointer.allocate(byteCount"))"
                flush = "Blocks.flush() at " + file + "\(package.line(of: "allocateOne(bytes: 32)"))"
                closure = "closure #1 in TinyBenchmarks.register(_:) at " + file + "\(package.line(of: "                Blocks.flush()"))"
            }
        }

        @Test func aNewAllocationSiteIsNamedInEveryReportAndInExplain() throws {
            let package = try TinyBenchFixture()
            let record = try memgate(package, gate + ["--update"])
            #expect(record.code == 0, "\(record.stderr)")
            let baseline = try ResultsFile.read(contentsOf: package.directory.file("baselines/baseline.json"))
            let recorded = try #require(baseline["blocks"]?.allocationSites)
            // The inlined function is a frame of its own, at its line; its caller follows at the call.
            #expect(recorded.sites.map { Array($0.frames.prefix(2)) } == [["Blocks.allocateOne(bytes:)", "Blocks.make(_:)"]])
            #expect(recorded.sites.first?.allocationsPerOp == 2)
            let makeLine = package.line(of: "for _ in 0..<count { allocateOne(bytes: 64) }")
            #expect(recorded.sites.first?.location(ofFrame: 1)
                == FrameLocation(file: TinyBenchFixture.source, line: makeLine, column: recorded.sites.first?.location(ofFrame: 1)?.column))

            try package.edit("// EDIT: a call added here allocates at a new site", "Blocks.flush()")
            let lines = FlushLines(package)
            let regressed = try memgate(package, gate + ["--output", "markdown:report.md", "--output", "github:annotations.txt",
                                                         "--output", "junit:report.xml", "--output", "json:verdict.json",
                                                         "--output", "html:report.html"])
            #expect(regressed.code == 1, "\(regressed.stdout)\n\(regressed.stderr)")
            let text = regressed.stdout
            #expect(text.contains("Where blocks allocates differently (allocs +1 allocs/op, bytes +32 B/op; per op):"), "\(text)")
            let siteLine = text.split(separator: "\n").first { $0.contains(lines.allocate) && $0.contains("new") }
            #expect(siteLine.map { $0.contains("+1 allocs/op") && $0.contains("+32 B/op") } == true, "\(text)")
            // The site's first frame on its row, its callers on the indented line under it (as many as fit).
            #expect(text.contains("\n      <- \(lines.flush)"), "\(text)")
            #expect(!text.contains("Blocks.make(_:)"), "an unchanged site is not listed under a failure")
            let chain = "\(lines.allocate) <- \(lines.flush) <- \(lines.closure)"
            let markdown = try #require(package.directory.read("report.md"))
            #expect(markdown.contains("**Where blocks allocates differently**"), "\(markdown)")
            #expect(markdown.contains("+1 allocs/op, +32 B/op: new `\(chain)`"), "\(markdown)")
            let annotations = try #require(package.directory.read("annotations.txt"))
            let error = annotations.split(separator: "\n").first { $0.hasPrefix("::error title=memgate%3A blocks allocs::") }
            #expect(error.map { $0.contains("%0Asites: +1 allocs/op +32 B/op new \(chain)") } == true, "\(annotations)")
            #expect(try #require(package.directory.read("report.xml")).contains(Self.html("new \(chain)")))
            #expect(try #require(package.directory.read("report.html")).contains(Self.html(chain)))
            try expectLocationsInTheVerdict(package, lines: lines)

            let explained = try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json", "--filter", "^blocks$"])
            #expect(explained.code == 0, "\(explained.stderr)")
            #expect(explained.stdout.hasPrefix("blocks: 2 allocs/op -> 3 allocs/op, 128 B/op -> 160 B/op\n"), "\(explained.stdout)")
            let explainLines = explained.stdout.split(separator: "\n")
            let row = explainLines.firstIndex { $0.contains(lines.allocate) && $0.contains("new") }
            #expect(row.map { explainLines[$0].contains("+1 allocs/op") } == true, "\(explained.stdout)")
            #expect(row.map { explainLines[$0 + 1].hasPrefix("      <- \(lines.flush)") } == true, "\(explained.stdout)")
            #expect(explainLines.contains { $0.contains("Blocks.allocateOne(bytes:)") && $0.contains("unchanged") })

            try expectFoldedGrammar(try memgate(package, ["explain", "baselines/baseline.json", ".memgate/results.json",
                                                          "--format", "folded"]), site: lines)
            try expectWellFormedSVG(package, lines: lines)
            try expectKeysSurviveAnUnrelatedLine(package)
        }

        /// `text` as the HTML page escapes it (`<-` and `#`... only `<` and `&` matter here).
        private static func html(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }

        /// The JSON verdict's new site has the frames' names and their locations, one per frame.
        private func expectLocationsInTheVerdict(_ package: TinyBenchFixture, lines: FlushLines) throws {
            let data = try #require(FileManager.default.contents(atPath: package.directory.file("verdict.json")))
            let verdict = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let benchmarks = try #require(verdict["benchmarks"] as? [[String: Any]])
            let blocks = try #require(benchmarks.first { $0["name"] as? String == "blocks" })
            let changes = try #require((blocks["sites"] as? [String: Any])?["changes"] as? [[String: Any]])
            let new = try #require(changes.first { $0["kind"] as? String == "new" })
            #expect((new["frames"] as? [String])?.prefix(2) == ["Blocks.allocateOne(bytes:)", "Blocks.flush()"], "\(new)")
            let locations = try #require(new["locations"] as? [Any])
            let flush = try #require(locations[1] as? [String: Any])
            #expect(flush["file"] as? String == TinyBenchFixture.source, "\(flush)")
            #expect(lines.flush.hasSuffix(":\(flush["line"] as? Int ?? -1)"), "\(flush)")
        }

        /// A line added above every function moves every line and no key: the gate passes,
        /// each site has the key it had, and its lines are one further down.
        private func expectKeysSurviveAnUnrelatedLine(_ package: TinyBenchFixture) throws {
            let update = try memgate(package, gate + ["--update"])
            #expect(update.code == 0, "\(update.stderr)")
            let before = try ResultsFile.read(contentsOf: package.directory.file("baselines/baseline.json"))
            try package.edit("import BenchKit\n", "import BenchKit\n// An unrelated line: every line below moves down by one.\n")
            let moved = try memgate(package, gate)
            #expect(moved.code == 0, "\(moved.stdout)\n\(moved.stderr)")
            let after = try ResultsFile.read(contentsOf: package.directory.file(".memgate/results.json"))
            let old = try #require(before["blocks"]?.allocationSites?.sites), new = try #require(after["blocks"]?.allocationSites?.sites)
            #expect(Set(old.map(\.key)) == Set(new.map(\.key)) && old.count == 2, "\(old) \(new)")
            for site in old {
                let same = try #require(new.first { $0.key == site.key })
                let lines = { (site: AllocationSite) in (site.locations ?? []).map { $0?.line } }
                #expect(lines(same) == lines(site).map { $0.map { $0 + 1 } }, "\(site) \(same)")
            }
        }

        /// Every line is `frame(;frame)* COUNT`, frames without `;`; the new site is one of them.
        private func expectFoldedGrammar(_ folded: MemGateProcess.Outcome, site: FlushLines) throws {
            #expect(folded.code == 0, "\(folded.stderr)")
            let lines = folded.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(!lines.isEmpty && folded.stdout.hasSuffix("\n"))
            let grammar = #/^[^;\n]+(;[^;\n]+)* [0-9]+$/#
            for line in lines { #expect(line.wholeMatch(of: grammar) != nil, "\(line)") }
            #expect(lines.contains {
                $0.hasPrefix("blocks;\(site.closure);\(site.flush);\(site.allocate);via ") && $0.hasSuffix(" 10")
            }, "\(folded.stdout)")
        }

        /// The SVG parses as XML and has one `<g class="frame">` per frame of the graph.
        private func expectWellFormedSVG(_ package: TinyBenchFixture, lines: FlushLines) throws {
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
            #expect(counter.titles.contains { $0.hasPrefix("\(lines.flush): 1 allocs/op (baseline 0 allocs/op)") }, "\(counter.titles)")
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
