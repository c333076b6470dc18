import BenchKit

/// Real workloads a Swift developer recognises, chosen so that every metric BenchKit
/// records moves for at least one of them. The package gates itself on these
/// (baselines/baseline.json).
@main
enum ExampleBenchmarks: BenchmarkSuite {
    static func register(_ suite: Suite) {
        Collections.register(suite)
        Text.register(suite)
        Coding.register(suite)
        ObjectGraph.register(suite)
        Concurrency.register(suite)
        Memory.register(suite)
    }
}
