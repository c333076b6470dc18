extension Metric {
    /// What the metric means, in words: `allocs/op, lower is better, exact`.
    package var declaration: String {
        "\(unit), \(better.rawValue) is better, \(exact ? "exact" : "noisy")"
    }

    /// Whether `other` means the same: the same unit, direction and exactness.
    package func declaresSameMeaning(as other: Metric) -> Bool {
        unit == other.unit && better == other.better && exact == other.exact
    }
}

extension MetricID {
    /// The units `throughput` may be recorded in (the benchmark's configuration chooses).
    package static let throughputUnits: Set<MetricUnit> = [.bytesPerSecond, .itemsPerSecond]

    /// Why `metric`, recorded under this built-in metric's name, does not mean what the
    /// metric table (`properties`) says this metric means, or nil when it does. A file
    /// cannot redefine a built-in metric: `"better": "higher"` on allocs would turn a
    /// regression into an improvement, `"exact": false` would take it out of the gate.
    package func declarationProblem(_ metric: Metric) -> String? {
        let table = properties
        let unitOK = table.unit.map { metric.unit == $0 } ?? Self.throughputUnits.contains(metric.unit)
        guard !unitOK || metric.better != table.better || metric.exact != table.exact else { return nil }
        let unit = table.unit?.text ?? Self.throughputUnits.map(\.text).sorted().joined(separator: " or ")
        return "\(rawValue) is a built-in metric (\(unit), \(table.better.rawValue) is better, \(table.exact ? "exact" : "noisy")), "
            + "but this file declares it \(metric.declaration); a results file cannot redefine a built-in metric"
    }
}
