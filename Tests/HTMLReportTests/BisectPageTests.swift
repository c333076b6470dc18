import Testing
import TestSupport
@testable import GateCore
@testable import HTMLReport

/// `BisectPage`, read back as XML: the summary, the first bad commit, the commits tested and
/// the change with its sites; an unsure result's range; hostile subjects escaped.
@Suite struct BisectPageTests {
    @Test func foundPageNamesTheCommitAndDrawsTheChange() throws {
        let result = try BisectFixture.found()
        let page = ParsedMarkup(BisectPage(result).html)
        #expect(page.error == nil, "\(page.error ?? "")")
        #expect(page.elements("p").first { $0.attributes["id"] == "verdict" }?.text == result.summaryLine)
        #expect(page.elements("p").first { $0.attributes["id"] == "exit-code" }?.text.hasPrefix("memgate bisect exits 0") == true)
        let commit = page.elements("dl").first { $0.attributes["id"] == "first-bad" }?.text ?? ""
        #expect(commit.contains(String(repeating: "5", count: 40)) && commit.contains("Add a flush"))
        #expect(commit.contains("2026-12-06T10:00:00+01:00"))
        #expect(commit.contains("2 allocs/op before") && commit.contains("3 allocs/op after"))
        let steps = page.elements("table").first { $0.attributes["id"] == "steps" }
        #expect(steps != nil && page.elements("tr", class: "regression").count >= 3)
        // The change, as the HTML report draws a benchmark: its section, the sites that moved.
        #expect(page.elements("section", class: "bench").count == 1)
        #expect(page.elements("table", class: "sites").count == 1)
        #expect(page.elements("td").contains { $0.text.contains("Blocks.flush()") })
    }

    @Test func unsurePageListsTheCandidates() {
        let page = ParsedMarkup(BisectPage(BisectFixture.unsure()).html)
        #expect(page.error == nil)
        #expect(page.elements("p", class: "inconclusive").first?.text.hasPrefix("UNSURE: ") == true)
        #expect(page.elements("ol").first { $0.attributes["id"] == "candidates" } != nil && page.elements("li").count == 2)
        #expect(page.elements("section").isEmpty)
    }

    @Test func hostileSubjectsAreEscaped() throws {
        let html = BisectPage(try BisectFixture.found(subject: "<script>alert(1)</script> \u{202E}")).html
        #expect(!html.contains("<script>"))
        let page = ParsedMarkup(html)
        #expect(page.error == nil)
        #expect(page.elements("bdi").contains { $0.text == "<script>alert(1)</script> \u{202E}" })
    }
}
