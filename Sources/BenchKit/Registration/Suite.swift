import CLISupport

/// The benchmarks of one executable, in registration order.
///
///     suite.benchmark("array/append") { b in
///         for _ in b.loop {
///             var numbers: [Int] = []
///             for i in 0..<1_000 { numbers.append(i) }
///             blackHole(numbers)
///         }
///     }
///     for n in [100, 10_000] {
///         suite.benchmark("sort/n=\(n)") { b in ... }
///     }
///
/// Names are unique, not empty or blank, and hold no control character (newline, tab, ESC, ...: see
/// `benchmark(_:configuration:_:)`); a name registered twice or with one is reported as a
/// usage error when the executable starts, before anything runs or is listed.
public final class Suite {
    /// The registered benchmarks, in order.
    public private(set) var benchmarks: [Benchmark] = []
    /// What is wrong with the registered names (registered twice, empty, a control character), one
    /// message per problem, in registration order; the executable refuses to start with any.
    private(set) var registrationProblems: [String] = []

    init() {}

    /// Registers a benchmark whose body may suspend (`async`) and throw.
    ///
    /// `name` is any text (`/` separates sub-benchmarks and parameters: `sort/n=1000`; spaces,
    /// quotes and any Unicode are fine), not empty or only spaces, without a control character: no C0 or C1 control
    /// (newline, carriage return, tab, ESC, ...), DEL, or Unicode line or paragraph separator,
    /// since `--list` prints one name per line and every report one name per row.
    public func benchmark(
        _ name: String, configuration: BenchmarkConfiguration = .init(),
        _ body: @escaping (Bench) async throws -> Void
    ) {
        if name.isEmpty || name.allSatisfy(\.isWhitespace) {
            registrationProblems.append("a benchmark is registered with an empty name (\"\(name)\"); every benchmark needs a name")
        }
        if let control = name.unicodeScalars.first(where: isTerminalControl) {
            registrationProblems.append("benchmark \"\(terminalSafe(name))\" has a control character "
                + "(\(terminalSafe(String(control)))) in its name; names must be one printable line")
        }
        if benchmarks.contains(where: { $0.name == name }) {
            registrationProblems.append("benchmark \"\(terminalSafe(name))\" is registered more than once; names must be unique")
        }
        benchmarks.append(Benchmark(name: name, configuration: configuration, body: body))
    }
}
