import BenchResults
import Foundation
import Testing
import TestSupport

/// The HTML report rendered by headless Chromium: `memgate check --output html:` on the
/// ExampleBenchmarks baseline against a copy with one injected regression, and `memgate
/// report` on hostile names. Checks the DOM the browser built (sections, order, verdict, no
/// injected elements or handlers) and the layout it measured (no horizontal overflow), and
/// takes screenshots (saved to `MEMGATE_SCREENSHOTS`, a folder, when set: docs/images/).
@Suite(.serialized, .enabled(if: HeadlessBrowser.testsRun, HeadlessBrowser.skipReason))
struct HTMLReportBrowserTests {
    static let root = TinyBenchFixture.repositoryRoot

    @Test func checkReportOfAnInjectedRegressionRendersWithEveryBenchmarkFailingFirst() throws {
        _ = try HeadlessBrowser.requireExecutable()
        let directory = try TemporaryDirectory()
        let baselinePath = "baselines/baseline.json"  // a copy of the repository's, named as in a package
        var current = try ResultsFile.read(contentsOf: Self.root.appendingPathComponent(baselinePath).path)
        try FileManager.default.createDirectory(atPath: directory.file("baselines"), withIntermediateDirectories: true)
        try directory.write(baselinePath, current)
        let injected = "json/encode"
        let index = try #require(current.benchmarks.firstIndex { $0.name == injected })
        current.benchmarks[index].metrics["allocs"]!.samples = current.benchmarks[index].metrics["allocs"]!.samples.map { $0 + 1 }
        try directory.write("current.json", current)
        let config = Self.root.appendingPathComponent("baselines/memgate.json").path
        let check = try MemGateProcess.run(["check", baselinePath, "current.json", "--config", config,
                                            "--output", "html:report.html"], in: directory.url)
        #expect(check.code == 1, "\(check.stderr)")
        let textVerdict = try #require(check.stdout.split(separator: "\n").last.map(String.init))
        #expect(textVerdict.hasPrefix("FAIL: 1 regression"))

        let dom = try HeadlessBrowser.dumpDOM(directory.file("report.html"))
        let sections = DOMText.matches(#"<section class="bench ([a-zA-Z]+)""#, in: dom)
        #expect(sections.count == current.benchmarks.count)
        #expect(sections.first == "regression")
        #expect(sections.dropFirst().allSatisfy { $0 != "regression" && $0 != "failed" })
        let names = DOMText.matches(#"<span class="name"><bdi>(.*?)</bdi></span>"#, in: dom).map(DOMText.unescaped)
        #expect(names.first == injected)
        #expect(Set(names) == Set(current.benchmarks.map(\.name)))
        let verdict = DOMText.matches(#"<p class="verdict fail" id="verdict">(.*?)</p>"#, in: dom).map(DOMText.unescaped)
        #expect(verdict == [textVerdict])
        #expect(dom.contains("memgate check exits 1"))
        // The samples moved, the profile passes (copied unchanged) did not: said as the text report says it.
        #expect(dom.contains("allocs</bdi>: <bdi>the samples moved 1 allocs/op more than the profile passes</bdi>"))
        #expect(check.stdout.contains("(allocs: the samples moved 1 allocs/op more than the profile passes)"))
        try Self.expectNoHorizontalOverflow(directory.file("report.html"), widths: [1200, 600])
        try Self.screenshot(directory.file("report.html"), name: "html-report-regression.png", in: directory)
    }

    @Test func hostileNamesRenderAsTextWithoutOverflow() throws {
        _ = try HeadlessBrowser.requireExecutable()
        let directory = try TemporaryDirectory()
        let (baseline, current) = HostileNamesFixture.files()
        try directory.write("baseline.json", baseline)
        try directory.write("current.json", current)
        let report = try MemGateProcess.run(["report", "baseline.json", "current.json", "--output", "hostile.html"], in: directory.url)
        #expect(report.code == 0, "\(report.stderr)")
        #expect(report.stdout.contains("HTML report written to hostile.html"))

        let dom = try HeadlessBrowser.dumpDOM(directory.file("hostile.html"))
        #expect(dom.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(dom.range(of: "<img", options: .caseInsensitive) == nil)
        #expect(DOMText.matches(#"<[^>]*\son[a-z]+\s*="#, in: dom).isEmpty, "an event-handler attribute in the DOM")
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let names = DOMText.matches(#"<span class="name"><bdi>(.*?)</bdi></span>"#, in: dom).map(DOMText.unescaped)
        #expect(names.count == HostileNamesFixture.names.count)
        #expect(Set(names) == Set(HostileNamesFixture.names))
        #expect(names.first == HostileNamesFixture.names[0])  // the one that regressed
        try Self.expectNoHorizontalOverflow(directory.file("hostile.html"), widths: [1200, 600])
        try Self.screenshot(directory.file("hostile.html"), name: "html-report-hostile-names.png", in: directory)
    }

    /// The browser's layout of `file` at each width: the page is no wider than the window
    /// and no element reaches past it.
    static func expectNoHorizontalOverflow(_ file: String, widths: [Int]) throws {
        for width in widths {
            let layout = try HeadlessBrowser.layout(of: file, width: width)
            #expect(layout.clientWidth > 0)
            #expect(layout.scrollWidth <= layout.clientWidth, "at \(width) px: scroll width \(layout.scrollWidth)")
            #expect(layout.overflowing.isEmpty, "at \(width) px, past the right edge: \(layout.overflowing)")
        }
    }

    /// A 1200 x 2400 screenshot, checked to be a PNG of that size; copied to
    /// `MEMGATE_SCREENSHOTS` when set.
    static func screenshot(_ file: String, name: String, in directory: TemporaryDirectory) throws {
        let png = directory.file(name)
        try HeadlessBrowser.screenshot(file, to: png, width: 1200, height: 2400)
        let size = HeadlessBrowser.pngSize(png)
        #expect(size?.width == 1200 && size?.height == 2400, "\(String(describing: size))")
        if let folder = ProcessInfo.processInfo.environment["MEMGATE_SCREENSHOTS"], !folder.isEmpty {
            let target = URL(fileURLWithPath: folder).appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: URL(fileURLWithPath: png), to: target)
        }
    }
}

/// Reading a browser's serialised DOM with regular expressions (the dump is HTML, not XML).
enum DOMText {
    /// The first capture group of every match of `pattern` (dot matches newlines).
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(group, in: text).map { String(text[$0]) }
        }
    }

    /// HTML text with the entities a serialiser writes decoded.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }
}
