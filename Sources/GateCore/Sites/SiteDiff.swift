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
        package enum Kind: String, Sendable {
            case new, gone, grew, shrank, unchanged
            /// Not among one side's kept sites, but that side's unattributed part is large
            /// enough to hold it: new, or only below the sites that side kept.
            case newOrNotKept = "new or not kept", goneOrNotKept = "gone or not kept"
            /// The other side has no profile at all: nothing to compare with.
            case currentOnly = "current only", baselineOnly = "baseline only"

            /// Whether the site counts among those that grew or appeared.
            package var isGrowth: Bool { [.new, .grew, .newOrNotKept, .currentOnly].contains(self) }
            /// Whether it counts among those that shrank or went.
            package var isShrinkage: Bool { [.gone, .shrank, .goneOrNotKept, .baselineOnly].contains(self) }
        }

        /// The site's key (`AllocationSite.key`).
        package var key: String
        /// Its frames, innermost first (the current side's, else the baseline's).
        package var frames: [String]
        /// The library call it allocated through, if any.
        package var via: String?
        /// Where each frame was in the source (`AllocationSite.locations`, the same side's as `frames`).
        package var locations: [FrameLocation?]?
        /// Allocations per op in the baseline and current (0 where the side lacks it).
        package var baselineAllocations: Double, currentAllocations: Double
        /// Bytes per op in the baseline and current.
        package var baselineBytes: Double, currentBytes: Double
        /// Whether the side the site is missing from could have left it out of its kept sites
        /// (its unattributed allocations per op are at least the site's).
        package var mayBeUnkept = false
        /// Which sides have a profile at all.
        package var sides = (baseline: true, current: true)

        /// Current minus baseline allocations per op.
        package var allocationsDelta: Double { currentAllocations - baselineAllocations }
        /// Current minus baseline bytes per op.
        package var bytesDelta: Double { currentBytes - baselineBytes }

        /// How the site moved: by allocations, then by bytes.
        package var kind: Kind { kind(by: .allocations) }

        /// How the site moved by `measure` first, then by the other; present or not by allocations.
        package func kind(by measure: Measure) -> Kind {
            if !sides.baseline { return .currentOnly }
            if !sides.current { return .baselineOnly }
            if baselineAllocations == 0 && currentAllocations > 0 { return mayBeUnkept ? .newOrNotKept : .new }
            if currentAllocations == 0 && baselineAllocations > 0 { return mayBeUnkept ? .goneOrNotKept : .gone }
            // Each delta against its own quantity's size (allocations, bytes) on both sides.
            let allocations = (allocationsDelta, max(baselineAllocations, currentAllocations))
            let bytes = (bytesDelta, max(baselineBytes, currentBytes))
            for (delta, scale) in measure == .allocations ? [allocations, bytes] : [bytes, allocations]
            where !SiteDiff.isZero(delta, scale: scale) {
                return delta > 0 ? .grew : .shrank
            }
            return .unchanged
        }

        /// `measure`'s difference, current minus baseline.
        package func delta(_ measure: Measure) -> Double { measure == .allocations ? allocationsDelta : bytesDelta }

        package static func == (lhs: Change, rhs: Change) -> Bool {
            lhs.key == rhs.key && lhs.frames == rhs.frames && lhs.via == rhs.via && lhs.locations == rhs.locations
                && lhs.baselineAllocations == rhs.baselineAllocations
                && lhs.currentAllocations == rhs.currentAllocations && lhs.baselineBytes == rhs.baselineBytes
                && lhs.currentBytes == rhs.currentBytes && lhs.mayBeUnkept == rhs.mayBeUnkept && lhs.sides == rhs.sides
        }
    }

    /// What a diff is ordered and classified by: the allocs/op or the B/op row's movement.
    package enum Measure: Sendable { case allocations, bytes }

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
    /// What the sites count (allocations or retains; "allocations" in names below means either).
    package var event: SiteEvent

    /// The sites that grew or appeared by `measure`, largest movement first.
    package func grown(by measure: Measure = .allocations) -> [Change] {
        ordered(by: measure).filter { $0.kind(by: measure).isGrowth }
    }
    /// The sites that shrank or went by `measure`, largest movement first.
    package func shrunk(by measure: Measure = .allocations) -> [Change] {
        ordered(by: measure).filter { $0.kind(by: measure).isShrinkage }
    }

    /// `changes` ordered by `measure`'s movement first.
    private func ordered(by measure: Measure) -> [Change] {
        measure == .allocations ? changes : changes.sorted { Self.biggerMovementFirst($0, $1, by: .bytes) }
    }

    /// Whether `value` is 0 but for floating-point rounding of values about `scale` in size.
    package static func isZero(_ value: Double, scale: Double) -> Bool { abs(value) <= 1e-9 * max(1, abs(scale)) }
    /// Current minus baseline unattributed allocations per op.
    package var unattributedAllocationsDelta: Double { currentUnattributed.allocations - baselineUnattributed.allocations }
    /// Current minus baseline unattributed bytes per op.
    package var unattributedBytesDelta: Double { currentUnattributed.bytes - baselineUnattributed.bytes }

    /// The diff of two profiles of `event`; `nil` when neither side has one.
    package init?(baseline: AllocationSites?, current: AllocationSites?, event: SiteEvent = .allocations) {
        guard baseline != nil || current != nil else { return nil }
        var byKey: [String: Change] = [:]
        for site in baseline?.sites ?? [] {
            byKey[site.key] = Change(key: site.key, frames: site.frames, via: site.via, locations: site.locations,
                                     baselineAllocations: site.allocationsPerOp, currentAllocations: 0,
                                     baselineBytes: site.bytesPerOp, currentBytes: 0)
        }
        for site in current?.sites ?? [] {
            var change = byKey[site.key] ?? Change(key: site.key, frames: site.frames, via: site.via, baselineAllocations: 0,
                                                   currentAllocations: 0, baselineBytes: 0, currentBytes: 0)
            change.frames = site.frames
            change.via = site.via
            change.locations = site.locations
            change.currentAllocations = site.allocationsPerOp
            change.currentBytes = site.bytesPerOp
            byKey[site.key] = change
        }
        let sides = (baseline: baseline != nil, current: current != nil)
        let unkept = (baseline: baseline?.unattributedAllocationsPerOp ?? 0, current: current?.unattributedAllocationsPerOp ?? 0)
        changes = byKey.values.map { change in
            var change = change
            change.sides = sides
            let missing = change.baselineAllocations == 0 ? unkept.baseline : change.currentAllocations == 0 ? unkept.current : 0
            change.mayBeUnkept = missing > 0 && missing + 1e-9 >= max(change.baselineAllocations, change.currentAllocations)
            return change
        }.sorted { Self.biggerMovementFirst($0, $1, by: .allocations) }
        baselineUnattributed = (baseline?.unattributedAllocationsPerOp ?? 0, baseline?.unattributedBytesPerOp ?? 0)
        currentUnattributed = (current?.unattributedAllocationsPerOp ?? 0, current?.unattributedBytesPerOp ?? 0)
        baselineTotal = (baseline?.allocationsPerOp ?? 0, baseline?.bytesPerOp ?? 0)
        currentTotal = (current?.allocationsPerOp ?? 0, current?.bytesPerOp ?? 0)
        self.sides = sides
        self.event = event
    }

    /// How much of `change` (the gate's allocs/op or B/op difference) the profile passes
    /// do not account for: `change` minus the passes' total difference (`allocations: true`
    /// for allocs/op, false for B/op). 0 when the sites explain it all.
    package func unexplained(byMetricChange change: Double, allocations: Bool) -> Double {
        change - (allocations ? currentTotal.allocations - baselineTotal.allocations : currentTotal.bytes - baselineTotal.bytes)
    }

    private static func biggerMovementFirst(_ a: Change, _ b: Change, by measure: Measure) -> Bool {
        let aMoved = a.kind(by: measure) != .unchanged, bMoved = b.kind(by: measure) != .unchanged
        if aMoved != bMoved { return aMoved }
        let other: Measure = measure == .allocations ? .bytes : .allocations
        if abs(a.delta(measure)) != abs(b.delta(measure)) { return abs(a.delta(measure)) > abs(b.delta(measure)) }
        if abs(a.delta(other)) != abs(b.delta(other)) { return abs(a.delta(other)) > abs(b.delta(other)) }
        if a.currentAllocations != b.currentAllocations { return a.currentAllocations > b.currentAllocations }
        return a.key < b.key
    }

    package static func == (lhs: SiteDiff, rhs: SiteDiff) -> Bool {
        lhs.changes == rhs.changes && lhs.baselineUnattributed == rhs.baselineUnattributed
            && lhs.currentUnattributed == rhs.currentUnattributed && lhs.baselineTotal == rhs.baselineTotal
            && lhs.currentTotal == rhs.currentTotal && lhs.sides == rhs.sides && lhs.event == rhs.event
    }
}
