import BenchResults

/// One of n parallel jobs of a suite (`memgate run --shard i/n`): which benchmarks it runs.
///
///     let shard = Shard(parsing: "2/3")!
///     shard.select(names, costs: Shard.costs(from: baseline))   // this job's names
///
/// Every job computes the same assignment from the same names and the same committed
/// baseline, so the shards of one commit run every benchmark exactly once: the names go,
/// longest expected run first (ties in name order), each to the shard with the least
/// expected time so far (ties to the lowest shard). A benchmark's expected time is what its
/// kept samples measured in the baseline (iterations × time per op, summed); one the
/// baseline lacks counts as the median of the others (1 when there are none). Pure.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// This job's shard, 1-based (1...count).
    package let index: Int
    /// How many shards there are.
    package let count: Int

    /// Parses `i/n` with 1 <= i <= n <= 1000; nil for anything else.
    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              (1...1000).contains(count), (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    package var description: String { "\(index)/\(count)" }

    /// The names of `names` this shard runs, in the order given (see the type's rule).
    package func select(_ names: [String], costs: [String: Double]) -> [String] {
        let known = costs.values.sorted()
        let fallback = known.isEmpty ? 1 : known[known.count / 2]
        let ordered = Set(names).sorted { a, b in
            let (ca, cb) = (costs[a] ?? fallback, costs[b] ?? fallback)
            return ca != cb ? ca > cb : a < b
        }
        var loads = [Double](repeating: 0, count: count)
        var mine: Set<String> = []
        for name in ordered {
            let shard = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            loads[shard] += costs[name] ?? fallback
            if shard == index - 1 { mine.insert(name) }
        }
        return names.filter { mine.contains($0) }
    }

    /// Each benchmark's measured time in `baseline` (nanoseconds): iterations × time per op,
    /// summed over its kept samples. Benchmarks without time samples are left out.
    package static func costs(from baseline: ResultsFile?) -> [String: Double] {
        var costs: [String: Double] = [:]
        for benchmark in baseline?.benchmarks ?? [] {
            guard let time = benchmark[.time], time.samples.count == benchmark.iterations.count else { continue }
            costs[benchmark.name] = zip(benchmark.iterations, time.samples).reduce(0) { $0 + Double($1.0) * $1.1 }
        }
        return costs
    }
}
