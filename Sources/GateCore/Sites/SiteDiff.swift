import BenchResults

/// How one benchmark's allocation sites moved between two results: per site, the
/// allocations and bytes per op on each side and the difference.
///
/// The per-site differences plus `unattributed` add up to the difference of the two
/// profile passes' totals (`AllocationSites.allocationsPerOp`); when the gate's allocs/op
/// row moved by a different amount (the samples and the pass are separate runs of the
/// body), `unexplained(byMetricChange:)` says by how much.
package struct SiteDiff: Sendable, Equatable {
    /// One site on either side.
    package struct Change: Sendable, Equatable {
        /// How the site moved.
        package enum Kind: String, Sendable { case new, gone, grew, shrank, unchanged }

        /// The site's key (`AllocationSite.key`).
        package var key: String
        /// Its frames, innermost first (the current side's, else the baseline's).
        package var frames: [String]
        /// The library call it allocated through, if any.
        package var via: String?
        /// Allocations per op in the baseline and current (0 where the side lacks it).
        package var baselineAllocations: Double, currentAllocations: Double
        /// Bytes per op in the baseline and current.
        package var baselineBytes: Double, currentBytes: Double

        /// Current minus baseline allocations per op.
        package var allocationsDelta: Double { currentAllocations - baselineAllocations }
        /// Current minus baseline bytes per op.
        package var bytesDelta: Double { currentBytes - baselineBytes }

        /// How the site moved: by allocations, then by bytes.
        package var kind: Kind {
            if baselineAllocations == 0 && currentAllocations > 0 { return .new }
            if currentAllocations == 0 && baselineAllocations > 0 { return .gone }
            let delta = allocationsDelta != 0 ? allocationsDelta : bytesDelta
            return delta > 0 ? .grew : delta < 0 ? .shrank : .unchanged
        }
    }

    /// Every site of either side: moved ones first, largest movement (allocations, then
    /// bytes) first, then unchanged ones by size; ties by key.
    package var changes: [Change]
    /// The unattributed part (sites not kept, unrecorded allocations) per side.
    package var baselineUnattributed: (allocations: Double, bytes: Double)
    package var currentUnattributed: (allocations: Double, bytes: Double)
    /// The profile passes' totals per side (allocations, bytes per op); zero for a side without sites.
    package var baselineTotal: (allocations: Double, bytes: Double)
    package var currentTotal: (allocations: Double, bytes: Double)
    /// Which sides had a profile.
    package var sides: (baseline: Bool, current: Bool)

    /// The sites that grew or appeared.
    package var grown: [Change] { changes.filter { $0.kind == .new || $0.kind == .grew } }
    /// The sites that shrank or went.
    package var shrunk: [Change] { changes.filter { $0.kind == .gone || $0.kind == .shrank } }
    /// Current minus baseline unattributed allocations per op.
    package var unattributedAllocationsDelta: Double { currentUnattributed.allocations - baselineUnattributed.allocations }
    /// Current minus baseline unattributed bytes per op.
    package var unattributedBytesDelta: Double { currentUnattributed.bytes - baselineUnattributed.bytes }

    /// The diff of two profiles; `nil` when neither side has one.
    package init?(baseline: AllocationSites?, current: AllocationSites?) {
        guard baseline != nil || current != nil else { return nil }
        var byKey: [String: Change] = [:]
        for site in baseline?.sites ?? [] {
            byKey[site.key] = Change(key: site.key, frames: site.frames, via: site.via, baselineAllocations: site.allocationsPerOp,
                                     currentAllocations: 0, baselineBytes: site.bytesPerOp, currentBytes: 0)
        }
        for site in current?.sites ?? [] {
            var change = byKey[site.key] ?? Change(key: site.key, frames: site.frames, via: site.via, baselineAllocations: 0,
                                                   currentAllocations: 0, baselineBytes: 0, currentBytes: 0)
            change.frames = site.frames
            change.via = site.via
            change.currentAllocations = site.allocationsPerOp
            change.currentBytes = site.bytesPerOp
            byKey[site.key] = change
        }
        changes = byKey.values.sorted(by: Self.biggerMovementFirst)
        baselineUnattributed = (baseline?.unattributedAllocationsPerOp ?? 0, baseline?.unattributedBytesPerOp ?? 0)
        currentUnattributed = (current?.unattributedAllocationsPerOp ?? 0, current?.unattributedBytesPerOp ?? 0)
        baselineTotal = (baseline?.allocationsPerOp ?? 0, baseline?.bytesPerOp ?? 0)
        currentTotal = (current?.allocationsPerOp ?? 0, current?.bytesPerOp ?? 0)
        sides = (baseline != nil, current != nil)
    }

    /// How much of `change` (the gate's allocs/op or B/op difference) the profile passes
    /// do not account for: `change` minus the passes' total difference (`allocations: true`
    /// for allocs/op, false for B/op). 0 when the sites explain it all.
    package func unexplained(byMetricChange change: Double, allocations: Bool) -> Double {
        change - (allocations ? currentTotal.allocations - baselineTotal.allocations : currentTotal.bytes - baselineTotal.bytes)
    }

    private static func biggerMovementFirst(_ a: Change, _ b: Change) -> Bool {
        let aMoved = a.kind != .unchanged, bMoved = b.kind != .unchanged
        if aMoved != bMoved { return aMoved }
        if abs(a.allocationsDelta) != abs(b.allocationsDelta) { return abs(a.allocationsDelta) > abs(b.allocationsDelta) }
        if abs(a.bytesDelta) != abs(b.bytesDelta) { return abs(a.bytesDelta) > abs(b.bytesDelta) }
        if a.currentAllocations != b.currentAllocations { return a.currentAllocations > b.currentAllocations }
        return a.key < b.key
    }

    package static func == (lhs: SiteDiff, rhs: SiteDiff) -> Bool {
        lhs.changes == rhs.changes && lhs.baselineUnattributed == rhs.baselineUnattributed
            && lhs.currentUnattributed == rhs.currentUnattributed && lhs.baselineTotal == rhs.baselineTotal
            && lhs.currentTotal == rhs.currentTotal && lhs.sides == rhs.sides
    }
}
