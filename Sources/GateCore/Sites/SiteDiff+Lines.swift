import BenchResults

extension SiteDiff {
    /// One site's movement in words, the part every report format shows.
    package struct Line: Sendable, Equatable {
        /// `+1 allocs/op`, `-2 allocs/op`, or `0 allocs/op`.
        package var allocations: String
        /// `+48 B/op`; empty for retains.
        package var bytes: String
        /// `new`, `gone`, `grew`, `shrank`, `unchanged`, `new or not kept`, ... (`Change.Kind`).
        package var kind: String
        /// Whether the site grew or appeared (drawn as a regression).
        package var isGrowth: Bool
        /// The call chain, innermost first, to the line's frame budget, outlined helpers folded
        /// (`SiteChain.compact`): `Encoder.flush() <- JSONWriter.write(_:) <- … 2 more frames`.
        package var chain: String
        /// Every shown frame of the chain (`SiteChain`), for the layouts that place them themselves.
        package var frames: SiteChain
        /// `via swift_allocObject`, or empty.
        package var via: String

        /// The line as one plain sentence (for annotations and JUnit messages).
        package var sentence: String {
            "\(allocations) " + (bytes.isEmpty ? "" : "\(bytes) ") + "\(kind) \(chain)" + (via.isEmpty ? "" : " (\(via))")
        }
    }

    /// The line for `change`, classified by `measure`, its `chain` showing `budget` frames.
    package static func line(
        _ change: Change, budget: Int = ChainLayout.wrappingFrames, by measure: Measure = .allocations, event: SiteEvent = .allocations
    ) -> Line {
        let frames = SiteChain(recorded: change.frames, locations: change.locations)
        let kind = change.kind(by: measure)
        return Line(
            allocations: signed(change.allocationsDelta, event.unit),
            bytes: event.countsBytes ? signed(change.bytesDelta, .bytesPerOp) : "",
            kind: kind.rawValue, isGrowth: kind.isGrowth, chain: frames.compact(budget: budget), frames: frames,
            via: change.via.map { "via " + $0 } ?? "")
    }

    /// The lines worth reading when a benchmark's allocations regressed: up to `limit` sites
    /// that grew or appeared by `measure`, then up to `limit` that shrank or went; each
    /// chain to `budget` frames.
    package func movedLines(limit: Int = 5, by measure: Measure = .allocations, budget: Int = ChainLayout.wrappingFrames) -> [Line] {
        (grown(by: measure).prefix(limit) + shrunk(by: measure).prefix(limit))
            .map { Self.line($0, budget: budget, by: measure, event: event) }
    }

    /// The measure a report about `rows` (regressed allocs/op and B/op rows) orders sites
    /// by: allocations when allocs/op regressed, else bytes.
    package static func measure(for rows: [MetricComparison]) -> Measure {
        rows.contains { $0.metric != MetricID.bytes.rawValue } || rows.isEmpty ? .allocations : .bytes
    }

    /// What the sites leave unexplained of a metric row's change, in words, or nil when
    /// they explain all of it: `unattributed: +1 allocs/op (sites not kept or not recorded)`
    /// and/or `the samples moved +2 allocs/op more than the profile passes`.
    package func remainder(for row: MetricComparison) -> String? {
        let isAllocations = row.metric == event.countMetric
        guard event.explainedMetrics.contains(row.metric), let b = row.baseline, let c = row.current else { return nil }
        let unit: MetricUnit = isAllocations ? event.unit : .bytesPerOp
        var parts: [String] = []
        let unattributed = isAllocations ? unattributedAllocationsDelta : unattributedBytesDelta
        if !Self.isZero(unattributed, scale: max(b, c)) {
            parts.append("unattributed \(Self.signed(unattributed, unit)) (sites not kept or not recorded)")
        }
        if !sides.baseline || !sides.current {
            parts.append("the \(sides.baseline ? "current" : "baseline") results have no \(event.noun) sites")
        } else {
            let unexplained = unexplained(byMetricChange: c - b, allocations: isAllocations)
            if !Self.isZero(unexplained, scale: max(b, c)) {
                let amount = unit.format(abs(unexplained)), direction = unexplained > 0 ? "more" : "less"
                parts.append("the samples moved \(amount) \(direction) than the profile passes")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// A signed value in `unit`: `+1 allocs/op`, `-48 B/op`, `0 B/op`.
    package static func signed(_ value: Double, _ unit: MetricUnit) -> String {
        (value > 0 ? "+" : "") + unit.format(value)
    }
}
