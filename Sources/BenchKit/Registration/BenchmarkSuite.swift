/// The entry point of a benchmark executable: conform a type, mark it `@main`, and
/// register benchmarks. BenchKit provides `main()`, which parses the command line
/// (`--help` lists the flags), runs the benchmarks and writes the results.
///
///     import BenchKit
///
///     @main
///     enum MyBenchmarks: BenchmarkSuite {
///         static func register(_ suite: Suite) {
///             suite.benchmark("string/interpolation") { b in
///                 let n = identity(42)
///                 for _ in b.loop { blackHole("item \(n)") }
///             }
///         }
///     }
///
/// Bodies written inside `register` are plain closures; closures in `main.swift`
/// top-level code would pay a main-actor check per call (~20 ns), so prefer this form.
public protocol BenchmarkSuite {
    /// Adds this executable's benchmarks to `suite`.
    static func register(_ suite: Suite)
}

extension BenchmarkSuite {
    /// Runs the benchmark executable's command line and exits with its status.
    public static func main() async {
        let suite = Suite()
        register(suite)
        let status = await BenchmarkCommand.run(suite: suite, arguments: Array(CommandLine.arguments.dropFirst()))
        exitProcess(status)
    }
}
