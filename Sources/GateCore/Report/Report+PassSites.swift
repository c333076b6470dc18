import BenchResults

extension Report {
    /// The compared benchmarks with a regressed row that sites explain (allocs/op, B/op,
    /// retains/op), in report order: those whose sites `memgate refs` records after its rounds.
    package var benchmarksNeedingSites: [String] {
        let explained = Set(SiteEvent.allCases.flatMap(\.explainedMetrics))
        return benchmarks.filter { benchmark in
            benchmark.presence == .compared && benchmark.metrics.contains { $0.verdict == .regression && explained.contains($0.metric) }
        }.map(\.name)
    }

    /// This report with the site diffs of each compared benchmark recomputed from the sites of
    /// `baseline` and `current` (the files it was compared from, with sites attached since).
    package func withSites(baseline: ResultsFile, current: ResultsFile) -> Report {
        var report = self
        for index in report.benchmarks.indices where report.benchmarks[index].presence == .compared {
            let name = report.benchmarks[index].name
            guard let before = baseline[name], let now = current[name] else { continue }
            report.benchmarks[index].sites = SiteDiff(baseline: before.allocationSites, current: now.allocationSites)
            report.benchmarks[index].retainSites = SiteDiff(baseline: before.retainSites, current: now.retainSites, event: .retains)
        }
        return report
    }
}
