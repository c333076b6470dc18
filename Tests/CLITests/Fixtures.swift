@testable import CLISupport

/// The benchmark executable's command line, as BenchKit will declare it.
let benchSpec: CommandSpec = {
    var spec = CommandSpec(name: "bench", summary: "Run the benchmarks.", usage: "")
    spec.flag("--list", help: "List benchmark names and exit.")
    spec.option("--filter", value: "REGEX", help: "Run only matching benchmarks.", repeatable: true)
    spec.option("--samples", value: "N", help: "Samples per benchmark.", defaultDescription: "10")
    spec.option("--time-budget", value: "DURATION", help: "Time per benchmark.")
    spec.option("--output", value: "FILE", help: "Write results to FILE.")
    spec.option("--format", value: "FORMAT", help: "text or json.")
    spec.option("--alpha", value: "P", help: "Significance level.")
    spec.flag("--no-isolation", help: "Run in this process.")
    spec.option("--timeout", value: "DURATION", help: "Kill a benchmark after this long.")
    spec.flag("--verbose", short: "v", help: "Say more.")
    spec.positional("NAMES", help: "Benchmarks to run.", optional: true, variadic: true)
    return spec
}()

/// `memgate check`, with two required positionals.
let checkSpec: CommandSpec = {
    var spec = CommandSpec(name: "memgate check", summary: "Compare CURRENT with BASELINE.",
                           usage: "[options] BASELINE CURRENT")
    spec.option("--threshold", value: "METRIC=LIMIT", help: "Override a threshold.", repeatable: true)
    spec.option("--format", value: "FORMAT", help: "text, markdown or json.", defaultDescription: "text")
    spec.option("--output", value: "FILE", help: "Also write the report to FILE.")
    spec.option("--inconclusive", value: "POLICY", help: "pass or fail.")
    spec.positional("BASELINE", help: "The baseline results file.")
    spec.positional("CURRENT", help: "The results file to check.")
    return spec
}()

/// Parses `arguments` with `spec`, returning the error message or nil.
func usageMessage(_ spec: CommandSpec, _ arguments: [String]) -> String? {
    do {
        _ = try spec.parse(arguments)
        return nil
    } catch {
        return error.message
    }
}
