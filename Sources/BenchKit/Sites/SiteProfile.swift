import BenchResults
import CAllocCounter
import Symbolization

/// Turns the stacks of a profile pass into the results' `AllocationSites`: symbolizes each
/// address once, folds each stack to its site (`SiteFolding`), sums stacks with the same
/// site, and keeps per site run 1's tally minus run 0's, per op.
enum SiteProfile {
    /// Sites kept per benchmark; the rest are summed into the unattributed part.
    static let keptSites = 20

    /// The profile of `recorded`, symbolized with `symbolizer`.
    static func sites(from recorded: RecordedStacks, symbolizer: Symbolizer, keep: Int = keptSites) -> AllocationSites {
        var tallies: [String: (site: AllocationSite, allocations: Int64, bytes: Int64)] = [:]
        var order: [String] = []
        symbolizer.prefetch(recorded.stacks.flatMap(\.addresses))
        for stack in recorded.stacks {
            guard let folded = SiteFolding.fold(stack.addresses.map { symbolizer.frame(returnAddress: $0) }) else { continue }
            let key = AllocationSite.key(frames: folded.frames, via: folded.via)
            let allocations = Int64(bitPattern: stack.allocations.1 &- stack.allocations.0)
            let bytes = Int64(bitPattern: stack.bytes.1 &- stack.bytes.0)
            if let known = tallies[key] {
                tallies[key] = (known.site, known.allocations + allocations, known.bytes + bytes)
            } else {
                order.append(key)
                let site = AllocationSite(key: key, allocationsPerOp: 0, bytesPerOp: 0, frames: folded.frames, via: folded.via)
                tallies[key] = (site, allocations, bytes)
            }
        }
        let perOp = { (value: Int64) in Double(max(0, value)) / Double(recorded.iterations) }
        let all = order.compactMap { key -> (site: AllocationSite, allocations: Int64, bytes: Int64)? in
            var tally = tallies[key]!
            guard tally.allocations > 0 else { return nil }
            tally.site.allocationsPerOp = perOp(tally.allocations)
            tally.site.bytesPerOp = perOp(tally.bytes)
            return tally
        }.sorted { largestFirst($0.site, $1.site) }
        let kept = all.prefix(keep)
        let total = Int64(bitPattern: recorded.totalAllocations.1 &- recorded.totalAllocations.0)
        let totalBytes = Int64(bitPattern: recorded.totalBytes.1 &- recorded.totalBytes.0)
        // The unattributed part from the integer counts: exactly 0 when the kept sites are all.
        return AllocationSites(
            iterations: recorded.iterations, allocationsPerOp: perOp(total), bytesPerOp: perOp(totalBytes), sites: kept.map(\.site),
            unattributedAllocationsPerOp: perOp(total - kept.reduce(0) { $0 + $1.allocations }),
            unattributedBytesPerOp: perOp(totalBytes - kept.reduce(0) { $0 + max(0, $1.bytes) }))
    }

    /// Larger allocations per op first, then larger bytes, then by key (a stable order).
    private static func largestFirst(_ a: AllocationSite, _ b: AllocationSite) -> Bool {
        if a.allocationsPerOp != b.allocationsPerOp { return a.allocationsPerOp > b.allocationsPerOp }
        if a.bytesPerOp != b.bytesPerOp { return a.bytesPerOp > b.bytesPerOp }
        return a.key < b.key
    }

    /// A symbolizer for this process (anchored at the recorder, which is linked into it).
    static func makeSymbolizer() -> Symbolizer {
        Symbolizer(anchor: unsafeBitCast(memgate_sites_start as @convention(c) () -> Int32, to: UnsafeRawPointer.self))
    }
}
