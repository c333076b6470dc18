import BenchResults
import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The other commands end to end through the built `memgate`: Go benchfmt input, `merge`,
/// `show`, help and usage errors, hostile names in every format.
@Suite struct CommandEndToEndTests {
    @Test func goBenchmarkOutputDirectly() throws {
        let dir = try TemporaryDirectory()
        let old = """
        goos: linux
        goarch: amd64
        cpu: Test CPU
        BenchmarkEncode-8   1000000   1032 ns/op   256 B/op   3 allocs/op
        BenchmarkEncode-8   1000000   1040 ns/op   256 B/op   3 allocs/op
        PASS
        ok  	example.com/x	3.2s

        """
        let base = try dir.write("old.txt", old)
        let same = try dir.write("same.txt", old)
        let worse = try dir.write("new.txt", old.replacingOccurrences(of: "3 allocs/op", with: "4 allocs/op"))
        #expect(try MemGateProcess.run(["check", base, same], in: dir.url).code == 0)
        let run = try MemGateProcess.run(["check", base, worse], in: dir.url)
        #expect(run.code == 1)
        #expect(run.stdout.contains("Encode"))
        let converted = try MemGateProcess.run(["convert", base, "--to", "benchfmt"], in: dir.url)
        #expect(converted.code == 0)
        #expect(converted.stdout.contains("Unit allocs/op assume=exact"))
        #expect(converted.stdout.contains("BenchmarkEncode-8\t1000000\t1032 ns/op\t3 allocs/op\t256 B/op"))
        let json = try MemGateProcess.run(["convert", base, "--to", "json", "--output", "conv.json"], in: dir.url)
        #expect(json.code == 0)
        #expect(try ResultsFile.read(contentsOf: dir.file("conv.json"))["Encode"] != nil)
    }

    @Test func mergeCombinesShardsAndRefusesDuplicates() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("shard1.json", EndToEndTests.results(names: ["a/1", "a/2"]))
        var other = EndToEndTests.results(names: ["b/1"])
        other.environment.cpuModel = "Other CPU"
        let second = try dir.write("shard2.json", other)
        let merged = try MemGateProcess.run(["merge", first, second, "--output", "out/merged.json"], in: dir.url)
        #expect(merged.code == 0, "\(merged.stderr)")
        #expect(merged.stdout.isEmpty)
        #expect(merged.stderr.contains("memgate merge: note: \(second) was measured in another environment than \(first) (cpuModel)"),
                "\(merged.stderr)")
        #expect(merged.stderr.contains("3 benchmarks from 2 files written to out/merged.json"), "\(merged.stderr)")
        let file = try ResultsFile.read(contentsOf: dir.file("out/merged.json"))
        #expect(file.benchmarks.map(\.name) == ["a/1", "a/2", "b/1"])
        #expect(file.environment.cpuModel == Fixture.environment.cpuModel)
        // Without --output: the JSON on standard output.
        let printed = try MemGateProcess.run(["merge", first], in: dir.url)
        #expect(printed.code == 0)
        #expect(printed.stdout.contains(#""format" : "memgate-results""#), "\(printed.stdout.prefix(200))")
        // The same benchmark in two files, or a bad file: exit 2, nothing written.
        let duplicate = try MemGateProcess.run(["merge", first, first, "--output", "dup.json"], in: dir.url)
        #expect(duplicate.code == 2)
        #expect(duplicate.stderr.contains("benchmark \"a/1\" is in both \(first) and \(first)"), "\(duplicate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("dup.json")))
        let missing = try MemGateProcess.run(["merge", first, "nope.json", "--output", "dup.json"], in: dir.url)
        #expect(missing.code == 2)
        #expect(missing.stderr.contains("nope.json"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("dup.json")))
    }

    @Test func showPrintsTableAndEnvironment() throws {
        let dir = try TemporaryDirectory()
        let base = try dir.write("base.json", EndToEndTests.results())
        let run = try MemGateProcess.run(["show", base], in: dir.url)
        #expect(run.code == 0)
        #expect(run.stdout.contains("json/encode"))
        #expect(run.stdout.contains("3 allocs/op"))
        #expect(run.stdout.contains("cpuModel: Test CPU"))
    }

    @Test func helpVersionAndUsageErrors() throws {
        let help = try MemGateProcess.run(["--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("3  inconclusive only"))
        for command in ["check", "compare", "update", "show", "convert", "merge", "calibrate"] {
            let viaHelp = try MemGateProcess.run(["help", command])
            let viaFlag = try MemGateProcess.run([command, "--help"])
            #expect(viaHelp.code == 0 && viaFlag.code == 0)
            #expect(viaHelp.stdout == viaFlag.stdout)
            #expect(viaHelp.stdout.contains("memgate \(command)"))
        }
        #expect(try MemGateProcess.run(["--version"]).stdout.hasPrefix("memgate "))
        func usage(_ arguments: [String], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let run = try MemGateProcess.run(arguments)
            #expect(run.code == 2, sourceLocation: sourceLocation)
            #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
            #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        try usage([], "Usage: memgate COMMAND")
        try usage(["frobnicate"], "unknown command 'frobnicate'")
        try usage(["check", "--bogus", "a", "b"], "'--bogus'")
        try usage(["check", "a"], "CURRENT")
        try usage(["check", "--alpha", "2", "a", "b"], "--alpha")
        try usage(["check", "--alpha", "x", "a", "b"], "--alpha")
        try usage(["check", "--inconclusive", "maybe", "a", "b"], "--inconclusive")
        try usage(["check", "--noisy", "loud", "a", "b"], "--noisy")
        try usage(["check", "--format", "html", "a", "b"], "--format")
        try usage(["check", "--threshold", "time", "a", "b"], "--threshold: 'time' is not METRIC=VALUE")
        try usage(["check", "--threshold", "time=fast", "a", "b"], "--threshold: time: threshold \"fast\"")
        try usage(["check", "--threshold", "time=+1MiB", "a", "b"], "--threshold: time:")
        try usage(["check", "--output", "report.csv", "a", "b"], "--output: cannot tell the format of 'report.csv'")  // .html is HTML
        try usage(["convert", "a"], "--to")
        try usage(["convert", "a", "--to", "csv"], "--to")
        try usage(["merge"], "missing argument FILE")
        try usage(["merge", "--to", "json", "a"], "'--to'")
        try usage(["help", "nope"], "unknown command 'nope'")
    }

    /// A benchmark named `a|b<c>&"d"` (with a newline, backticks, `%`, `:` and `,`) through
    /// the real binary in every format at once.
    @Test func hostileNamesSurviveEveryFormat() throws {
        let dir = try TemporaryDirectory()
        let name = "a|b<c>&\"d\"\n`e`,f:g%h"
        let base = try dir.write("base.json", EndToEndTests.results(names: [name]))
        let new = try dir.write("new.json", EndToEndTests.results(allocs: 4, names: [name]))
        let run = try MemGateProcess.run(
            ["check", "--all", "--format", "github", "--output", "r.md", "--output", "r.xml", "--output", "r.json", "--output", "r.txt",
             base, new],
            in: dir.url)
        #expect(run.code == 1)
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") })
        #expect(run.stdout.contains("title=memgate%3A a|b<c>&\"d\"%0A`e`%2Cf%3Ag%25h allocs::"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data((dir.read("r.json") ?? "").utf8)) as? [String: Any])
        let benchmarks = try #require(json["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.first?["name"] as? String == name)
        let xml = try XMLDocument(data: Data((dir.read("r.xml") ?? "").utf8))
        let first = try #require(try xml.nodes(forXPath: "//testcase").first as? XMLElement)
        #expect(first.attribute(forName: "classname")?.stringValue == name)
        let markdown = dir.read("r.md") ?? ""
        #expect(markdown.contains(#"| a\|b&lt;c&gt;&amp;"d"\\n\`e\`,f:g%h | allocs |"#))
        let text = dir.read("r.txt") ?? ""
        #expect(text.contains(#"a|b<c>&"d"\n`e`,f:g%h  allocs"#))
    }
}
