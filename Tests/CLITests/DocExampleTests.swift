import Testing
import CLISupport

/// The examples in the doc comments, run, so the docs stay true.
@Suite struct DocExampleTests {
    @Test func commandSpecExample() throws {
        var spec = CommandSpec(name: "memgate check", summary: "Compare CURRENT with BASELINE.",
                               usage: "memgate check [options] BASELINE CURRENT")
        spec.option("--threshold", value: "METRIC=LIMIT", help: "Override a threshold.", repeatable: true)
        spec.option("--format", value: "FORMAT", help: "text, markdown or json.", defaultDescription: "text")
        spec.flag("--verbose", short: "v", help: "Show every metric, not only the ones that moved.")
        spec.positional("BASELINE", help: "The results file kept as the baseline.")
        spec.positional("CURRENT", help: "The results file to check.")

        let arguments = try spec.parse(["--threshold", "time=15%", "base.json", "new.json"])
        #expect(!arguments.wantsHelp)
        #expect(try arguments.choice("--format", from: ["text", "markdown", "json"]) ?? "text" == "text")
        #expect(arguments.values("--threshold") == ["time=15%"])
        #expect(arguments.positionals == ["base.json", "new.json"])
    }

    @Test func helpTextExample() {
        var spec = CommandSpec(name: "memgate check", summary: "Compare CURRENT with BASELINE.",
                               usage: "memgate check [options] BASELINE CURRENT")
        spec.option("--format", value: "FORMAT", help: "text, markdown or json.", defaultDescription: "text")
        spec.flag("--verbose", short: "v", help: "Show every metric, not only the ones that moved.")
        spec.positional("BASELINE", help: "The results file kept as the baseline.")
        spec.positional("CURRENT", help: "The results file to check.")
        #expect(spec.helpText == """
            USAGE: memgate check [options] BASELINE CURRENT

            Compare CURRENT with BASELINE.

            ARGUMENTS:
              BASELINE               The results file kept as the baseline.
              CURRENT                The results file to check.

            OPTIONS:
                  --format <FORMAT>  text, markdown or json. (default: text)
              -v, --verbose          Show every metric, not only the ones that moved.
              -h, --help             Show this help.

            """)
    }

    @Test func parsedArgumentsExample() throws {
        let arguments = try benchSpec.parse(["--samples", "20", "--filter", "sort", "--filter", "json"])
        #expect(arguments.flag("--no-isolation") == false)
        #expect(arguments.values("--filter") == ["sort", "json"])
        #expect(try arguments.int("--samples", in: 2...1000) == 20)
    }

    @Test func textTableExample() {
        var table = TextTable(columns: [.init("benchmark"), .init("time/op", alignment: .right)])
        table.addRow(["sort/n=10", "1.2 µs"])
        table.addSeparator()
        table.addRow(["sort/n=1000", Cell("180 µs", colour: .red)])
        #expect(table.render(style: .plain) == """
            benchmark    time/op
            --------------------
            sort/n=10     1.2 µs
            --------------------
            sort/n=1000   180 µs

            """)
    }

    @Test func paintExample() {
        #expect(TerminalStyle(colour: true).paint("FAIL", .red, bold: true) == "\u{1B}[1;31mFAIL\u{1B}[0m")
    }

    @Test func stringOutputExample() {
        let output = StringOutput()
        var stream = output
        print("hello", to: &stream)
        #expect(output.text == "hello\n")
    }
}
