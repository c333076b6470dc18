import AddressSymbols
import BenchResults
import CAllocCounter
import Foundation

/// Turns the stacks of a profile pass into the results' `AllocationSites`: symbolizes each
/// address once, folds each stack to its site (`SiteFolding`), sums stacks with the same
/// site, and keeps per site run 1's tally minus run 0's, per op.
enum SiteProfile {
    /// Sites kept per benchmark; the rest are summed into the unattributed part.
    static let keptSites = 20

    /// The profile of `recorded`, symbolized with `symbolizer`; file paths under `folder` (the
    /// folder the benchmark runs in) are written relative to it.
    static func sites(
        from recorded: RecordedStacks, symbolizer: Symbolizer, keep: Int = keptSites, folder: String? = currentFolder()
    ) -> AllocationSites {
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        symbolizer.prefetchLines(recorded.stacks.flatMap(\.addresses))
        for stack in recorded.stacks {
            guard let folded = SiteFolding.fold(stack.addresses.flatMap { symbolizer.frames(returnAddress: $0) }) else { continue }
            let key = AllocationSite.key(frames: folded.frames, via: folded.via)
            if tallies[key] == nil {
                order.append(key)
                let site = AllocationSite(key: key, allocationsPerOp: 0, bytesPerOp: 0, frames: folded.frames, via: folded.via)
                tallies[key] = Tally(site: site)
            }
            tallies[key]!.add(stack, lines: folded.lines)
        }
        let perOp = { (value: Int64) in Double(max(0, value)) / Double(recorded.iterations) }
        let all = order.compactMap { key -> Tally? in
            var tally = tallies[key]!
            guard tally.allocations > 0 else { return nil }
            tally.site.allocationsPerOp = perOp(tally.allocations)
            tally.site.bytesPerOp = perOp(tally.bytes)
            tally.site.locations = tally.locations(relativeTo: folder)
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

    /// One site's stacks summed: run 1's tallies minus run 0's, and the same per set of lines
    /// (one function can reach the same call from two lines: one site, shown at the lines
    /// with the most allocations, the first seen of equal ones).
    struct Tally {
        var site: AllocationSite
        var allocations: Int64 = 0, bytes: Int64 = 0
        var byLines: [(lines: [SourceLine?], allocations: Int64)] = []

        mutating func add(_ stack: RecordedStacks.Stack, lines: [SourceLine?]) {
            let allocations = Int64(bitPattern: stack.allocations.1 &- stack.allocations.0)
            self.allocations += allocations
            bytes += Int64(bitPattern: stack.bytes.1 &- stack.bytes.0)
            if let index = byLines.firstIndex(where: { $0.lines == lines }) {
                byLines[index].allocations += allocations
            } else {
                byLines.append((lines, allocations))
            }
        }

        /// The locations of the lines with the most allocations; `nil` when no frame has a line.
        func locations(relativeTo folder: String?) -> [FrameLocation?]? {
            guard let most = byLines.max(by: { $0.allocations < $1.allocations })?.lines, most.contains(where: { $0 != nil }) else {
                return nil
            }
            return most.map { line in
                line.map { FrameLocation(file: SiteProfile.path($0.file, relativeTo: folder), line: $0.line, column: $0.column) }
            }
        }
    }

    /// `file` relative to `folder` when under it, else unchanged.
    static func path(_ file: String, relativeTo folder: String?) -> String {
        guard let folder, !folder.isEmpty else { return file }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return file.hasPrefix(prefix) && file.count > prefix.count ? String(file.dropFirst(prefix.count)) : file
    }

    /// The folder this process runs in, `nil` when unknown.
    static func currentFolder() -> String? {
        let folder = FileManager.default.currentDirectoryPath
        return folder.isEmpty ? nil : folder
    }

    /// Larger allocations per op first, then larger bytes, then by key (a stable order).
    private static func largestFirst(_ a: AllocationSite, _ b: AllocationSite) -> Bool {
        if a.allocationsPerOp != b.allocationsPerOp { return a.allocationsPerOp > b.allocationsPerOp }
        if a.bytesPerOp != b.bytesPerOp { return a.bytesPerOp > b.bytesPerOp }
        return a.key < b.key
    }

    /// A symbolizer for this process (anchored at the recorder, which is linked into it). With
    /// `parent`, the process that spawned this one from the same executable, the source lines
    /// are asked of the parent's `LineServer` (`LineService`), and read here only when it does
    /// not answer.
    static func makeSymbolizer(linesFrom parent: Int32? = nil) -> Symbolizer {
        guard let parent else { return Symbolizer(anchor: anchor) }
        return Symbolizer(anchor: anchor) { addresses, base in
            let offsets = addresses.map { UInt64($0) &- base }
            guard let answered = LineClient.chains(offsets: offsets, parent: parent) else {
                return InlineChains.chains(returnAddresses: addresses)
            }
            var chains: [UInt: [InlineChains.Entry]] = [:]
            for (address, offset) in zip(addresses, offsets) { chains[address] = answered[offset] }
            return chains
        }
    }

    /// An address in the main executable: the site recorder's entry point.
    static var anchor: UnsafeRawPointer {
        unsafeBitCast(memgate_sites_start as @convention(c) () -> Int32, to: UnsafeRawPointer.self)
    }
}
