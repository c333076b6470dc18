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
/// Names are unique; registering a name twice is reported as a usage error when the
/// executable starts.
public final class Suite {
    /// The registered benchmarks, in order.
    public private(set) var benchmarks: [Benchmark] = []
    /// Names registered more than once.
    private(set) var duplicateNames: [String] = []

    init() {}

    /// Registers a benchmark whose body may suspend (`async`) and throw.
    public func benchmark(
        _ name: String, configuration: BenchmarkConfiguration = .init(),
        _ body: @escaping (Bench) async throws -> Void
    ) {
        if benchmarks.contains(where: { $0.name == name }) { duplicateNames.append(name) }
        benchmarks.append(Benchmark(name: name, configuration: configuration, body: body))
    }
}
