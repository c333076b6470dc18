import CLISupport
import BenchResults
import Testing
@testable import GateCore

@Suite struct RendererGoldenTests {
    @Test func text() {
        var out = ""
        SmallReport.report.writeText(to: &out)
        #expect(out == """
        memgate check: base.json -> new.json
        note: 1 benchmark of the baseline is missing from current: that fails the check; if removed on purpose, record the removal with \
        memgate update --prune CURRENT (or memgate run --update --prune); for a deliberate partial check, pass --allow-missing (or set \
        "allowMissing": true in the config)

        benchmark    metric  baseline     current  change       ±  verdict    note
        --------------------------------------------------------------------------
        json/encode  time     1 µs/op  1.25 µs/op  +25.0%  ±3.10%  REGRESSED
        sort/n=1000  bytes   2 KiB/op    1 KiB/op  -50.0%          improved

        FAILED   crashy: crashed: signal 11
        NEW      fresh
        MISSING  gone: in the baseline but not in current: fails the check

        (1 unremarkable row hidden; --all shows them)
        FAIL: 1 failed benchmark, 1 regression, 1 improvement, 1 missing benchmark, 1 ok, 1 new benchmark (5 benchmarks)

        """)
    }

    @Test func textVerboseWithColour() {
        var out = ""
        SmallReport.report.writeText(to: &out, options: RenderOptions(color: true, verbose: true))
        #expect(out.contains("\u{1B}[1;31mREGRESSED\u{1B}[0m"))
        #expect(out.contains("3 allocs/op"))
        #expect(!out.contains("hidden"))
    }

    @Test func markdown() {
        var out = ""
        SmallReport.report.writeMarkdown(to: &out)
        #expect(out == """
        ### ❌ memgate check: FAIL: 1 failed benchmark, 1 regression, 1 improvement, 1 missing benchmark, 1 ok, 1 new benchmark (5 \
        benchmarks)

        Baseline `base.json`, current `new.json`.

        > 1 benchmark of the baseline is missing from current: that fails the check; if removed on purpose, record the removal with \
        memgate update --prune CURRENT (or memgate run --update --prune); for a deliberate partial check, pass --allow-missing (or set \
        "allowMissing": true in the config)

        | benchmark | metric | baseline | current | change | ± | verdict | note |
        |---|---|--:|--:|--:|--:|---|---|
        | json/encode | time | 1 µs/op | 1.25 µs/op | +25.0% | ±3.10% | **REGRESSED** |  |
        | sort/n=1000 | bytes | 2 KiB/op | 1 KiB/op | -50.0% |  | improved |  |

        **Failed in current**

        - crashy: crashed: signal 11

        **New**

        - fresh

        **Missing from current (fails the check)**

        - gone


        """)
    }

    @Test func markdownRowLimit() {
        var out = ""
        SmallReport.report.writeMarkdown(to: &out, options: RenderOptions(maxRows: 1))
        #expect(out.contains("| json/encode | time |"))
        #expect(!out.contains("| sort/n=1000 |"))
        #expect(out.contains("…and 1 more row (see the full report)."))
    }

    @Test func junit() {
        var out = ""
        SmallReport.report.writeJUnit(to: &out)
        #expect(out == """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="memgate" tests="6" failures="3" skipped="0">
          <testsuite name="memgate check" tests="6" failures="3" errors="0" skipped="0">
            <properties>
              <property name="warning" value="1 benchmark of the baseline is missing from current: that fails the check; if removed on \
        purpose, record the removal with memgate update --prune CURRENT (or memgate run --update --prune); for a deliberate partial \
        check, pass --allow-missing (or set &quot;allowMissing&quot;: true in the config)"/>
            </properties>
            <testcase classname="json/encode" name="time">
              <failure message="regressed: 1 µs/op -&gt; 1.25 µs/op (+25.0% ±3.10%), threshold 10%" type="regression"/>
            </testcase>
            <testcase classname="json/encode" name="allocs">
              <system-out>ok: 3 allocs/op -&gt; 3 allocs/op (0%), threshold +0</system-out>
            </testcase>
            <testcase classname="sort/n=1000" name="bytes">
              <system-out>improved: 2 KiB/op -&gt; 1 KiB/op (-50.0%), threshold 5%</system-out>
            </testcase>
            <testcase classname="crashy" name="status">
              <failure message="crashed in current: signal 11" type="crashed"/>
            </testcase>
            <testcase classname="fresh" name="status">
              <system-out>new benchmark: not in the baseline</system-out>
            </testcase>
            <testcase classname="gone" name="status">
              <failure message="missing: in the baseline but not in current: fails the check; if removed on purpose, record the removal \
        with memgate update --prune CURRENT (or memgate run --update --prune); for a deliberate partial check, pass --allow-missing (or \
        set &quot;allowMissing&quot;: true in the config)" type="missing"/>
            </testcase>
          </testsuite>
        </testsuites>

        """)
    }

    @Test func github() {
        var out = ""
        SmallReport.report.writeGitHubAnnotations(to: &out)
        #expect(out == """
        ::error title=memgate%3A json/encode time::REGRESSED: 1 µs/op -> 1.25 µs/op (+25.0%25), threshold 10%25
        ::notice title=memgate%3A sort/n=1000 bytes::improved: 2 KiB/op -> 1 KiB/op (-50.0%25), threshold 5%25
        ::error title=memgate%3A crashy crashed::crashed: signal 11
        ::error title=memgate%3A gone missing::in the baseline but not in current: fails the check; if removed on purpose, record the \
        removal with memgate update --prune CURRENT (or memgate run --update --prune); for a deliberate partial check, pass \
        --allow-missing (or set "allowMissing": true in the config)
        ::notice title=memgate check::FAIL: 1 failed benchmark, 1 regression, 1 improvement, 1 missing benchmark, 1 ok, 1 new benchmark \
        (5 benchmarks)

        """)
    }

    @Test func jsonIsValidAndComplete() throws {
        var out = ""
        SmallReport.report.writeJSON(to: &out, policy: .report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "memgate-verdict")
        #expect(object["outcome"] as? String == "regression")
        #expect(object["exitCode"] as? Int == 1)
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        #expect(benchmarks.count == 5)
        let rows = try #require(benchmarks[0]["metrics"] as? [[String: Any]])
        #expect(rows[0]["verdict"] as? String == "regression")
        #expect(rows[0]["pValue"] as? Double == 0.0004)
        #expect(rows[1]["plusMinus"] is NSNull)
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct EscapingTests {
    let name = SmallReport.hostileName

    @Test func textHasNoRawControlCharacters() {
        var out = ""
        SmallReport.hostile.writeText(to: &out, options: RenderOptions(verbose: true))
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\r"))
        #expect(out.contains(#"a|b<c>&"d"\n`e`\r,f:g%h\u{1B}[31m0"#))
        // Every table line is one line: the hostile name did not break rows.
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("a|b") }.count == 3)
    }

    @Test func markdownCellsStayInTheirColumns() {
        var out = ""
        SmallReport.hostile.writeMarkdown(to: &out, options: RenderOptions(verbose: true))
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("| a") }
        #expect(rows.count == 3)
        for row in rows {
            // 9 unescaped pipes = 8 cells.
            var pipes = 0
            var previous: Character = " "
            for character in row {
                if character == "|" && previous != "\\" { pipes += 1 }
                previous = character
            }
            #expect(pipes == 9, "\(row)")
            #expect(!row.contains("<c>") && !row.contains("&\"") && !row.contains("`e`"))
        }
        #expect(out.contains(#"a\|b&lt;c&gt;&amp;"d"\\n\`e\`\\r,f:g%h\\u{1B}\[31m0"#))
        #expect(!out.contains("\u{1B}"))
    }

    @Test func jsonRoundTripsTheName() throws {
        var out = ""
        SmallReport.hostile.writeJSON(to: &out)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(object["baseline"] as? String == name)
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        #expect(benchmarks[0]["name"] as? String == name + "0")
        #expect(benchmarks[2]["message"] as? String == name)
        let rows = try #require(benchmarks[0]["metrics"] as? [[String: Any]])
        #expect(rows[0]["metric"] as? String == name)
        #expect(rows[0]["note"] as? String == name)
    }

    @Test func junitIsWellFormedXMLAndKeepsTheName() throws {
        var out = ""
        SmallReport.hostile.writeJUnit(to: &out)
        #expect(!out.contains("\u{1B}"))
        let document = try XMLDocument(data: Data(out.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 6)
        let first = try #require(cases.first as? XMLElement)
        #expect(first.attribute(forName: "classname")?.stringValue == "a|b<c>&\"d\"\n`e`\r,f:g%h\\u{1B}[31m0")
    }

    @Test func githubCommandsStayOnOneLine() {
        var out = ""
        SmallReport.hostile.writeGitHubAnnotations(to: &out)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.hasPrefix("::") })
        #expect(!out.contains("\r"))
        // In the title property, : and , are escaped; in the message only % CR LF.
        #expect(out.contains("title=memgate%3A a|b<c>&\"d\"%0A`e`%0D%2Cf%3Ag%25h"))
        #expect(out.contains("::crashed: a|b<c>&\"d\"%0A`e`%0D,f:g%25h"))
    }

    @Test func escapeFunctions() {
        #expect(Escape.githubProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce")
        #expect(Escape.githubMessage("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f")
        #expect(Escape.json("a\"b\\c\n\u{01}") == #""a\"b\\c\n\u0001""#)
        #expect(Escape.xml("<a & 'b'>\"\n\u{01}") == "&lt;a &amp; &apos;b&apos;&gt;&quot;&#10;\\u{1}")
        #expect(Escape.markdown("a|b*c_d<e>") == #"a\|b\*c\_d&lt;e&gt;"#)
        #expect(terminalSafe("a\nb\u{1B}c\u{7F}") == #"a\nb\u{1B}c\u{7F}"#)
    }
}

@Suite struct FormatTests {
    @Test func pValues() {
        #expect(MetricFormat.pValue(0.5) == "0.5")
        #expect(MetricFormat.pValue(0.0123) == "0.012")
        #expect(MetricFormat.pValue(0.00123) == "0.0012")
        #expect(MetricFormat.pValue(1.08e-5) == "1.1e-05")
        #expect(MetricFormat.pValue(1) == "1")
    }

    @Test func changes() {
        func row(_ b: Double?, _ c: Double?, _ change: Double?) -> MetricComparison {
            MetricComparison(
                metric: "m", unit: .bytesPerOp, better: .lower, exact: true, baseline: b, current: c, change: change,
                threshold: .off, verdict: .pass)
        }
        #expect(MetricFormat.change(row(100, 112.3, 0.123)) == "+12.3%")
        #expect(MetricFormat.change(row(100, 96, -0.04)) == "-4.00%")
        #expect(MetricFormat.change(row(100, 100, 0)) == "0%")
        #expect(MetricFormat.change(row(100, 100.004, 0.00004)) == "+0.00%")
        #expect(MetricFormat.change(row(0, 2048, nil)) == "+2 KiB/op")
        #expect(MetricFormat.change(row(nil, 1, nil)) == "-")
        #expect(MetricFormat.change(row(100, 1099.96, 9.9996)) == "+1000%")
    }

    @Test func ranges() {
        #expect(MetricFormat.range(3, 5, .allocationsPerOp) == "3–5 allocs/op")
        #expect(MetricFormat.range(3, 3, .allocationsPerOp) == "3 allocs/op")
        #expect(MetricFormat.range(512, 2048, .bytesPerOp) == "512 B/op–2 KiB/op")
    }
}
