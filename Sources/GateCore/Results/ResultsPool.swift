import BenchResults

/// The results of several runs of the same benchmarks, pooled into one results file, as if
/// one run had kept all their samples.
///
///     var pool = ResultsPool()
///     for round in rounds { try pool.add(round) }
///     let pooled = pool.file          // compare it like any results file
///
/// Pooling rules, per benchmark (matched by name):
/// - benchmarks appear in the order they were first added;
/// - `iterations` and every metric's `samples` are appended in the order the runs were added;
///   a metric one run lacks (an optional probe) simply gets fewer samples;
/// - the first status that is not `ok` wins, with its message: a benchmark that crashed in
///   one round is reported as crashed, while the samples of its good rounds are kept;
/// - the latency batch size is the largest any run used (quantiles are then, at worst, of
///   batch means of that many iterations; see `LatencyMode`);
/// - a metric's unit, direction and exactness come from its first run; a later run that
///   disagrees is an error (the runs are not of the same benchmark).
///
/// The environment is the first added file's: every run of one side comes from the same
/// build on the same machine.
///
/// Pure: no file or process work.
package struct ResultsPool {
    /// Two runs disagree on what a metric is.
    package struct Mismatch: Error, Equatable, CustomStringConvertible {
        /// The benchmark.
        package var benchmark: String
        /// The metric.
        package var metric: String
        /// What differs.
        package var problem: String

        package var description: String { "benchmark \"\(benchmark)\", metric \(metric): \(problem); the runs cannot be pooled" }
    }

    /// The pooled file so far: empty (no benchmarks, unknown environment) before the first `add`.
    package private(set) var file = ResultsFile()
    /// How many files were added.
    package private(set) var count = 0
    private var index: [String: Int] = [:]

    /// Creates an empty pool.
    package init() {}

    /// `run` reduced to one value per metric: the median of its samples, with the
    /// iterations of all its samples summed into one entry.
    ///
    /// `memgate refs` pools these, not raw samples: samples within one process are not
    /// independent (a process can run all its samples at one of two speeds, depending on
    /// where its code and data landed), so the process run is the unit of replication.
    /// Treating every sample as independent made the U test over-confident: 2 of 20 A/A
    /// runs failed that way on the reference machine (docs/performance.md).
    package static func oneValuePerRun(_ run: ResultsFile) -> ResultsFile {
        var summary = run
        for index in summary.benchmarks.indices {
            var benchmark = summary.benchmarks[index]
            if !benchmark.iterations.isEmpty { benchmark.iterations = [benchmark.iterations.reduce(0, +)] }
            for (name, metric) in benchmark.metrics where metric.samples.count > 1 {
                benchmark.metrics[name]?.samples = [metric.median]
            }
            summary.benchmarks[index] = benchmark
        }
        return summary
    }

    /// Adds one run's results.
    ///
    /// - Throws: `Mismatch` when a metric's unit, direction or exactness differs from what
    ///   the pool holds; the pool is then unchanged.
    package mutating func add(_ run: ResultsFile) throws(Mismatch) {
        var next = file
        if count == 0 { next.environment = run.environment }
        var nextIndex = index
        for benchmark in run.benchmarks {
            if let position = nextIndex[benchmark.name] {
                next.benchmarks[position] = try Self.merge(next.benchmarks[position], benchmark)
            } else {
                nextIndex[benchmark.name] = next.benchmarks.count
                next.benchmarks.append(benchmark)
            }
        }
        file = next
        index = nextIndex
        count += 1
    }

    /// `pooled` with `run`'s samples appended (the rules are in the type's documentation).
    package static func merge(_ pooled: BenchmarkResult, _ run: BenchmarkResult) throws(Mismatch) -> BenchmarkResult {
        var result = pooled
        if result.status == .ok && run.status != .ok {
            result.status = run.status
            result.message = run.message
        }
        result.iterations += run.iterations
        switch (result.latency, run.latency) {
        case let (mine?, theirs?): result.latency = LatencyMode(batchSize: max(mine.batchSize, theirs.batchSize))
        case (nil, let theirs?): result.latency = theirs
        default: break
        }
        for name in run.metrics.keys.sorted() {
            let metric = run.metrics[name]!
            guard var existing = result.metrics[name] else {
                result.metrics[name] = metric
                continue
            }
            if existing.unit != metric.unit {
                throw Mismatch(
                    benchmark: pooled.name, metric: name, problem: "unit \(existing.unit.text) in one run, \(metric.unit.text) in another")
            }
            if existing.better != metric.better || existing.exact != metric.exact {
                throw Mismatch(benchmark: pooled.name, metric: name, problem: "direction or exactness differs between runs")
            }
            existing.samples += metric.samples
            result.metrics[name] = existing
        }
        return result
    }
}
