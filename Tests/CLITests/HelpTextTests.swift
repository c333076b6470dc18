import Testing
@testable import CLISupport

@Suite struct HelpTextTests {
    @Test func checkCommandHelp() {
        #expect(checkSpec.helpText == """
            USAGE: memgate check [options] BASELINE CURRENT

            Compare CURRENT with BASELINE.

            ARGUMENTS:
              BASELINE                     The baseline results file.
              CURRENT                      The results file to check.

            OPTIONS:
                  --threshold <METRIC=LIMIT>
                                           Override a threshold. (repeatable)
                  --format <FORMAT>        text, markdown or json. (default: text)
                  --output <FILE>          Also write the report to FILE.
                  --inconclusive <POLICY>  pass or fail.
              -h, --help                   Show this help.

            """)
    }

    @Test func generatedUsageDiscussionShortFlagsAndMultiLineHelp() {
        var spec = CommandSpec(name: "bench", summary: "Run the benchmarks.", usage: "",
                               discussion: "Results go to standard output.\n\nSee docs/ci.md.")
        spec.flag("--verbose", short: "v", help: "Say more.\nTwice says even more.")
        spec.flag("--quiet", help: "")
        spec.positional("FILTER", help: "A regex.", optional: true)
        spec.positional("MORE", help: "More regexes.", optional: true, variadic: true)
        #expect(spec.helpText == """
            USAGE: bench [options] [FILTER] [MORE...]

            Run the benchmarks.

            Results go to standard output.

            See docs/ci.md.

            ARGUMENTS:
              FILTER         A regex. (optional)
              MORE...        More regexes. (optional)

            OPTIONS:
              -v, --verbose  Say more.
                             Twice says even more.
                  --quiet
              -h, --help     Show this help.

            """)
    }

    @Test func noPositionalsMeansNoArgumentsSection() {
        let spec = CommandSpec(name: "memgate version", summary: "Print the version.", usage: "memgate version")
        #expect(spec.helpText == """
            USAGE: memgate version

            Print the version.

            OPTIONS:
              -h, --help  Show this help.

            """)
    }

    @Test func multiLineUsageIsAlignedAndPrefixedWithTheName() {
        let spec = CommandSpec(name: "memgate", summary: "Gate benchmarks.",
                               usage: "COMMAND [options]\nmemgate --version")
        #expect(spec.helpText.hasPrefix("USAGE: memgate COMMAND [options]\n       memgate --version\n\nGate benchmarks.\n"))
    }

    @Test(arguments: ["memgate check", "bench"])
    func noTrailingSpacesAndEndsWithOneNewline(command: String) {
        let text = (command == "bench" ? benchSpec : checkSpec).helpText
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        for line in text.split(separator: "\n") { #expect(!line.hasSuffix(" "), "\(line)") }
    }
}
