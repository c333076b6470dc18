/// Where a benchmark's allocations come from: the call sites its profile pass recorded.
///
/// After the kept samples the harness runs the body for N iterations and then 2N with every
/// allocation's call stack recorded, and keeps, per site, the second run's count minus the
/// first's: N iterations' worth, none of the loop's own entry and exit. Per-op values are
/// those differences divided by N.
///
/// `sites` holds the largest sites (by allocations per op, then bytes); what the other sites
/// and any unrecordable allocation account for is in `unattributedAllocationsPerOp` and
/// `unattributedBytesPerOp`, so the sites plus the unattributed part add up to the pass's
/// totals.
package struct AllocationSites: Sendable, Equatable, Codable {
    /// Iterations the per-op values cover (N).
    package var iterations: Int
    /// Allocations per op over the whole pass (the counting allocator's totals).
    package var allocationsPerOp: Double
    /// Requested bytes per op over the whole pass.
    package var bytesPerOp: Double
    /// The largest sites, largest first.
    package var sites: [AllocationSite]
    /// Allocations per op of the sites not kept and of allocations no stack was recorded for.
    package var unattributedAllocationsPerOp: Double
    /// Bytes per op of the same.
    package var unattributedBytesPerOp: Double

    /// Creates a profile.
    package init(
        iterations: Int, allocationsPerOp: Double, bytesPerOp: Double, sites: [AllocationSite],
        unattributedAllocationsPerOp: Double = 0, unattributedBytesPerOp: Double = 0
    ) {
        self.iterations = iterations
        self.allocationsPerOp = allocationsPerOp
        self.bytesPerOp = bytesPerOp
        self.sites = sites
        self.unattributedAllocationsPerOp = unattributedAllocationsPerOp
        self.unattributedBytesPerOp = unattributedBytesPerOp
    }

    /// The site with `key`, if kept.
    package subscript(key: String) -> AllocationSite? { sites.first { $0.key == key } }
}

/// One allocation call site: a call stack folded to the user's code, and what it allocates.
package struct AllocationSite: Sendable, Equatable, Codable {
    /// A stable identity: a hash of `frames` and `via`, the same in every build whose
    /// function names are the same (addresses play no part).
    package var key: String
    /// Allocations per op made through this site.
    package var allocationsPerOp: Double
    /// Requested bytes per op.
    package var bytesPerOp: Double
    /// Function names, innermost first: the first is the user's function that allocated
    /// (or called the library that did); the harness's frames and the thread's start are
    /// folded away. Never empty.
    package var frames: [String]
    /// The library or runtime function the first frame called that allocated
    /// (`Swift.Array.append(_:)`, `swift_allocObject`), if the allocation was not its own.
    package var via: String?
    /// Where each frame was in the source, one entry per frame of `frames` (`nil` for a frame
    /// without line information: a library's, or a build without debug information). Absent
    /// when the recorder had no line information at all, and in files written before it was
    /// recorded. Not part of `key`.
    package var locations: [FrameLocation?]?

    /// Creates a site.
    package init(
        key: String, allocationsPerOp: Double, bytesPerOp: Double, frames: [String], via: String? = nil,
        locations: [FrameLocation?]? = nil
    ) {
        self.key = key
        self.allocationsPerOp = allocationsPerOp
        self.bytesPerOp = bytesPerOp
        self.frames = frames
        self.via = via
        self.locations = locations
    }

    /// The location of frame `index`, if recorded.
    package func location(ofFrame index: Int) -> FrameLocation? { Self.location(ofFrame: index, in: locations) }

    /// Entry `index` of `locations` (a site's, one per frame), `nil` when absent or out of range.
    package static func location(ofFrame index: Int, in locations: [FrameLocation?]?) -> FrameLocation? {
        guard let locations, locations.indices.contains(index) else { return nil }
        return locations[index]
    }

    /// The key for `frames` and `via`: 16 hex digits of FNV-1a over their UTF-8 bytes.
    package static func key(frames: [String], via: String?) -> String {
        var hash = FNV1a()
        for part in frames + [via ?? ""] { hash.add(part.utf8 + [0]) }
        return hash.hexDigits
    }
}
