import BenchResults

/// One benchmark in a report: whether it was in both files, how it ended, and its rows.
package struct BenchmarkComparison: Sendable, Equatable {
    /// How the benchmark appears in the two files.
    package enum Presence: String, Sendable, Codable {
        /// In both files and `ok` in both: its metrics were compared.
        case compared
        /// Only in CURRENT.
        case added
        /// Only in the baseline.
        case removed
        /// Not `ok` in CURRENT (failed, crashed, timed out): fails the check.
        case failed
        /// `ok` in CURRENT but not in the baseline: nothing to compare against.
        case baselineFailed
    }

    /// The benchmark's name.
    package var name: String
    /// How it appears in the two files.
    package var presence: Presence
    /// The CURRENT status (or the baseline's, for `removed`).
    package var status: BenchmarkStatus
    /// The failure message from the file whose status is not ok, if any.
    package var message: String?
    /// The compared metrics, in display order (`presence == .compared` only).
    package var metrics: [MetricComparison]
    /// How the allocation sites moved, when either side recorded them (`compared` only).
    package var sites: SiteDiff?
    /// How the retain sites moved, when either side recorded them (`compared` only).
    package var retainSites: SiteDiff?

    /// Creates an entry.
    package init(
        name: String, presence: Presence, status: BenchmarkStatus = .ok, message: String? = nil,
        metrics: [MetricComparison] = [], sites: SiteDiff? = nil, retainSites: SiteDiff? = nil
    ) {
        self.name = name
        self.presence = presence
        self.status = status
        self.message = message
        self.metrics = metrics
        self.sites = sites
        self.retainSites = retainSites
    }

    /// True when the benchmark failed to run in the current file or any of its rows regressed.
    package var hasRegression: Bool { presence == .failed || metrics.contains { $0.verdict == .regression } }

    /// The allocs/op and B/op rows that regressed, when the benchmark has sites to name
    /// for them: what the reports explain with `sites`.
    package var regressedAllocationRows: [MetricComparison] { regressedRows(explainedBy: .allocations) }

    /// The site diff of `event`'s profiles.
    package func siteDiff(_ event: SiteEvent) -> SiteDiff? { event == .allocations ? sites : retainSites }

    /// The regressed rows `event`'s sites explain (allocs/op and B/op, or retains/op), when
    /// the benchmark has such sites.
    package func regressedRows(explainedBy event: SiteEvent) -> [MetricComparison] {
        guard siteDiff(event) != nil else { return [] }
        return metrics.filter { $0.verdict == .regression && event.explainedMetrics.contains($0.metric) }
    }
}
