import BenchResults

/// What a profile's sites count: allocations (`allocationSites`, with bytes) or retains
/// (`retainSites`, no bytes). Decides the unit, the wording and the rows a diff explains.
package enum SiteEvent: String, Sendable, CaseIterable {
    case allocations, retains

    /// The unit of a site's count per op.
    package var unit: MetricUnit { self == .allocations ? .allocationsPerOp : .retainsPerOp }
    /// Whether sites carry bytes.
    package var countsBytes: Bool { self == .allocations }
    /// The noun of "allocation sites" / "retain sites".
    package var noun: String { self == .allocations ? "allocation" : "retain" }
    /// The verb of a report's heading: "Where NAME allocates differently".
    package var verb: String { self == .allocations ? "allocates" : "retains" }
    /// The metrics whose regression the sites explain: allocs and bytes, or retains.
    package var explainedMetrics: Set<String> {
        self == .allocations ? [MetricID.allocs.rawValue, MetricID.bytes.rawValue] : [MetricID.retains.rawValue]
    }
    /// The metric the count column is (allocs or retains).
    package var countMetric: String { self == .allocations ? MetricID.allocs.rawValue : MetricID.retains.rawValue }

    /// The profile of this event in `result`.
    package func profile(of result: BenchmarkResult) -> AllocationSites? {
        self == .allocations ? result.allocationSites : result.retainSites
    }
}

extension Array {
    /// The array without the element at `index` when `drop` is true (a table's column that
    /// one kind of site lacks), else unchanged.
    func removing(at index: Int, if drop: Bool) -> [Element] {
        drop ? enumerated().filter { $0.offset != index }.map(\.element) : self
    }
}
