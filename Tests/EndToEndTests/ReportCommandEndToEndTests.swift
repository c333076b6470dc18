import Foundation
import Testing
import TestSupport

/// `memgate report` and `--output html:` through the built executable (no browser: the
/// browser tests are `HTMLReportBrowserTests`).
@Suite struct ReportCommandEndToEndTests {
    static func files() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let (baseline, current) = HostileNamesFixture.files()
        try directory.write("baseline.json", baseline)
        try directory.write("current.json", current)
        return directory
    }

    @Test func reportWritesHTMLAndExitsZeroWhateverTheVerdict() throws {
        let directory = try Self.files()
        let run = try MemGateProcess.run(["report", "baseline.json", "current.json", "--output", "page", "--output", "r.md"],
                                         in: directory.url)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("FAIL: 1 regression"))
        #expect(run.stdout.contains("HTML report written to page\n"))
        #expect(directory.read("page")?.hasPrefix("<!DOCTYPE html>") == true)  // no extension: HTML
        #expect(directory.read("r.md")?.contains("| benchmark |") == true)  // .md: Markdown as usual
        #expect(directory.read("page")?.contains("memgate check exits 1") == true)
    }

    @Test func reportNeedsAnOutputAndHasHelp() throws {
        let directory = try Self.files()
        let missing = try MemGateProcess.run(["report", "baseline.json", "current.json"], in: directory.url)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("--output FILE is required"))
        let bad = try MemGateProcess.run(["report", "baseline.json", "nothing.json", "--output", "x.html"], in: directory.url)
        #expect(bad.code == 2)
        #expect(directory.read("x.html") == nil)
        let help = try MemGateProcess.run(["report", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("USAGE: memgate report [options] BASELINE CURRENT --output FILE"))
        #expect(help.stdout.contains("Exit codes: 0 written (whatever the verdict), 2 usage or input error."))
    }

    @Test func checkAndCompareWriteHTMLByPrefixOrExtension() throws {
        let directory = try Self.files()
        let check = try MemGateProcess.run(["check", "baseline.json", "current.json", "--output", "html:check.out"], in: directory.url)
        #expect(check.code == 1)
        #expect(directory.read("check.out")?.hasPrefix("<!DOCTYPE html>") == true)
        let compare = try MemGateProcess.run(["compare", "baseline.json", "current.json", "--output", "Compare.HTML"], in: directory.url)
        #expect(compare.code == 0)
        let page = try #require(directory.read("Compare.HTML"))
        #expect(page.contains("memgate compare exits 0"))
        #expect(page.contains("class=\"verdict fail\"") && page.contains("regressed: 1 regression"))
        let unknown = try MemGateProcess.run(["check", "baseline.json", "current.json", "--output", "x.weird"], in: directory.url)
        #expect(unknown.code == 2)
        #expect(unknown.stderr.contains("FORMAT one of text, markdown, json, junit, github, html"))
    }
}
