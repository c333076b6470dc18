import BenchResults

/// What a run of the passes after the samples contributes to a pooled side of `memgate refs`
/// or `calibrate`: the passes' counts and sites, not its samples.
///
/// The timing rounds skip the passes (they would cost every round the work of all three
/// passes, and refs compares round by round only what rounds measure); one run per benchmark
/// with the passes on brings in `retains`, `releases`, `objects` (one value each: the pass
/// counts once per process, exactly), `allocationSites` and `retainSites`. Pure.
package enum PassResults {
    /// The metrics only the passes record.
    package static let passMetrics: Set<MetricID> = [.retains, .releases, .objects]

    /// `run` reduced to what its passes recorded: per benchmark, the pass metrics and the
    /// sites, no iterations and no other metric; a status other than ok is kept with its
    /// message (a benchmark that crashed in its passes fails like one that crashed in a round).
    package static func keepingPasses(of run: ResultsFile) -> ResultsFile {
        var kept = run
        kept.benchmarks = run.benchmarks.map { benchmark in
            BenchmarkResult(
                name: benchmark.name, status: benchmark.status, message: benchmark.message,
                metrics: benchmark.metrics.filter { MetricID(rawValue: $0.key).map(passMetrics.contains) ?? false },
                allocationSites: benchmark.allocationSites, retainSites: benchmark.retainSites)
        }
        return kept
    }

    /// `pooled` with the sites of `sites`' benchmarks of the same name (those it has).
    package static func attachingSites(of sites: ResultsFile, to pooled: ResultsFile) -> ResultsFile {
        var result = pooled
        for index in result.benchmarks.indices {
            guard let recorded = sites[result.benchmarks[index].name] else { continue }
            if let profile = recorded.allocationSites { result.benchmarks[index].allocationSites = profile }
            if let profile = recorded.retainSites { result.benchmarks[index].retainSites = profile }
        }
        return result
    }
}
