import Testing
@testable import CLISupport

@Suite struct ArgumentParsingTests {
    @Test func valuesFlagsAndPositionals() throws {
        let parsed = try benchSpec.parse(["--samples", "20", "--no-isolation", "--output=out.json", "sort", "json"])
        #expect(parsed.value("--samples") == "20")
        #expect(parsed.value("--output") == "out.json")
        #expect(parsed.flag("--no-isolation"))
        #expect(!parsed.flag("--list"))
        #expect(parsed.value("--timeout") == nil)
        #expect(parsed.positionals == ["sort", "json"])
        #expect(!parsed.wantsHelp)
        #expect(parsed.command == "bench")
    }

    @Test func repeatableOptionKeepsEveryValueInOrder() throws {
        let parsed = try benchSpec.parse(["--filter", "a", "--filter=b", "--filter", "c"])
        #expect(parsed.values("--filter") == ["a", "b", "c"])
        #expect(parsed.value("--filter") == "c")
        #expect(parsed.values("--output") == [])
    }

    @Test(arguments: [
        (["--filter", "-foo"], "-foo"),          // the next argument is the value, whatever it looks like
        (["--filter", "--list"], "--list"),
        (["--filter", "-h"], "-h"),
        (["--filter", "--"], "--"),
        (["--filter=-foo"], "-foo"),
        (["--filter="], ""),
        (["--filter=a=b"], "a=b"),               // only the first '=' splits
    ])
    func optionValueIsTakenVerbatim(arguments: [String], value: String) throws {
        let parsed = try benchSpec.parse(arguments)
        #expect(parsed.value("--filter") == value)
        #expect(!parsed.wantsHelp && !parsed.flag("--list"))
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try benchSpec.parse(["--list", "--", "--samples", "-h", "-"])
        #expect(parsed.positionals == ["--samples", "-h", "-"])
        #expect(parsed.value("--samples") == nil)
        #expect(!parsed.wantsHelp)
        #expect(parsed.flag("--list"))
    }

    @Test func loneDashIsPositional() throws {
        #expect(try checkSpec.parse(["-", "new.json"]).positionals == ["-", "new.json"])
    }

    @Test func shortFlagsOnlyWhereDeclared() throws {
        #expect(try benchSpec.parse(["-v"]).flag("--verbose"))
        #expect(usageMessage(checkSpec, ["-v", "a", "b"]) == "unknown option '-v'")
    }

    @Test func flagGivenTwiceIsTheSameAsOnce() throws {
        #expect(try benchSpec.parse(["--list", "--list", "-v", "--verbose"]).flag("--list"))
    }

    @Test(arguments: [["-h"], ["--help"], ["a", "--help"], ["--help", "a", "b", "c"], ["--bogus", "-h"],
                      ["--samples", "1", "--samples", "2", "--help"], ["--help", "--format"]])
    func helpAnywhereBeforeDoubleDashNeverThrows(arguments: [String]) throws {
        let parsed = try checkSpec.parse(arguments)
        #expect(parsed.wantsHelp)
        #expect(parsed.flag("--help"))
    }

    @Test func helpAfterDoubleDashIsPositional() throws {
        #expect(usageMessage(checkSpec, ["a", "--", "--help"]) == nil)
        #expect(try checkSpec.parse(["a", "--", "--help"]).positionals == ["a", "--help"])
        #expect(usageMessage(checkSpec, ["a", "b", "--", "-h"]) == "unexpected argument '-h'")
    }

    @Test(arguments: [
        (["--sample", "3"], "unknown option '--sample'; did you mean '--samples'?"),
        (["--sample=3"], "unknown option '--sample'; did you mean '--samples'?"),
        (["--smaples", "3"], "unknown option '--smaples'; did you mean '--samples'?"),
        (["--lst"], "unknown option '--lst'; did you mean '--list'?"),
        (["--hlep"], "unknown option '--hlep'; did you mean '--help'?"),
        (["--out", "x"], "unknown option '--out'; did you mean '--output'?"),
        (["-samples", "3"], "unknown option '-samples'; did you mean '--samples'?"),
        (["--bogus"], "unknown option '--bogus'"),
        (["--xy"], "unknown option '--xy'"),
        (["-x"], "unknown option '-x'"),
        (["-vv"], "unknown option '-vv'"),       // short flags do not combine
        (["-5"], "unknown option '-5'"),         // negative numbers need '--' before them
        (["--list=yes"], "flag '--list' does not take a value"),
        (["--no-isolation="], "flag '--no-isolation' does not take a value"),
        (["--help=yes"], "flag '--help' does not take a value"),
        (["--samples"], "option '--samples' requires a value"),
        (["--filter", "a", "--output"], "option '--output' requires a value"),
        (["--samples", "1", "--samples", "2"], "option '--samples' was given more than once"),
        (["--samples=1", "--samples", "1"], "option '--samples' was given more than once"),
        (["--bogus", "--list=1"], "unknown option '--bogus'"),     // the first problem wins
    ])
    func optionErrors(arguments: [String], message: String) {
        #expect(usageMessage(benchSpec, arguments) == message)
    }

    @Test(arguments: [
        ([], "missing argument BASELINE"),
        (["base.json"], "missing argument CURRENT"),
        (["--format", "json", "base.json"], "missing argument CURRENT"),
        (["a", "b", "extra"], "unexpected argument 'extra'"),
        (["a", "b", "c", "d"], "unexpected argument 'c'"),
        (["--bogus"], "unknown option '--bogus'"),     // option problems come before positional ones
    ])
    func positionalErrors(arguments: [String], message: String) {
        #expect(usageMessage(checkSpec, arguments) == message)
    }

    @Test func optionalAndVariadicPositionals() throws {
        #expect(try benchSpec.parse([]).positionals == [])
        #expect(try benchSpec.parse(["a", "b", "c"]).positionals == ["a", "b", "c"])
        var spec = CommandSpec(name: "memgate merge", summary: "", usage: "")
        spec.positional("OUTPUT", help: "")
        spec.positional("INPUTS", help: "", variadic: true)
        #expect(usageMessage(spec, []) == "missing argument OUTPUT")
        #expect(usageMessage(spec, ["out"]) == "missing argument INPUTS")
        #expect(try spec.parse(["out", "a", "b"]).positionals == ["out", "a", "b"])
        var show = CommandSpec(name: "memgate show", summary: "", usage: "")
        show.positional("FILE", help: "", optional: true)
        #expect(usageMessage(show, []) == nil)
        #expect(usageMessage(show, ["a", "b"]) == "unexpected argument 'b'")
    }

    @Test func usageErrorDescriptionPointsAtHelp() throws {
        #expect(throws: UsageError(message: "missing argument CURRENT", command: "memgate check")) {
            try checkSpec.parse(["base.json"])
        }
        let error = UsageError(message: "missing argument CURRENT", command: "memgate check")
        #expect(error.description == "missing argument CURRENT\nRun 'memgate check --help' for usage.")
        #expect(try checkSpec.parse(["a", "b"]).usageError("bad") == UsageError(message: "bad", command: "memgate check"))
    }

    @Test func readingAnUndeclaredNameTraps() async {
        await #expect(processExitsWith: .failure) { _ = try? checkSpec.parse(["a", "b"]).flag("--verbse") }
        await #expect(processExitsWith: .failure) { _ = try? checkSpec.parse(["a", "b"]).value("--format2") }
        await #expect(processExitsWith: .failure) { _ = try? checkSpec.parse(["a", "b"]).values("--help") }
    }

    @Test func badDeclarationsTrap() async {
        await #expect(processExitsWith: .failure) { var s = CommandSpec(name: "x", summary: "", usage: ""); s.flag("-x", help: "") }
        await #expect(processExitsWith: .failure) { var s = CommandSpec(name: "x", summary: "", usage: ""); s.flag("--help", help: "") }
        await #expect(processExitsWith: .failure) {
            var s = CommandSpec(name: "x", summary: "", usage: "")
            s.flag("--v", short: "h", help: "")
        }
        await #expect(processExitsWith: .failure) {
            var s = CommandSpec(name: "x", summary: "", usage: "")
            s.option("--a=b", value: "V", help: "")
        }
        await #expect(processExitsWith: .failure) {
            var s = CommandSpec(name: "x", summary: "", usage: "")
            s.option("--a", value: "V", help: "")
            s.flag("--a", help: "")
        }
        await #expect(processExitsWith: .failure) {
            var s = CommandSpec(name: "x", summary: "", usage: "")
            s.positional("A", help: "", optional: true)
            s.positional("B", help: "")
        }
        await #expect(processExitsWith: .failure) {
            var s = CommandSpec(name: "x", summary: "", usage: "")
            s.positional("A", help: "", variadic: true)
            s.positional("B", help: "", optional: true)
        }
    }
}
