import CAllocCounter

/// The stacks the allocation-site recorder kept in one profile pass, copied out of its table
/// (after recording stopped), with the pass's allocation totals per run.
///
/// Run 0 covers N iterations and run 1 covers 2N (see `AllocationSites`).
struct RecordedStacks: Sendable {
    /// One stack: return addresses (innermost first) and per-run tallies.
    struct Stack: Sendable {
        var addresses: [UInt]
        var allocations: (UInt64, UInt64)
        var bytes: (UInt64, UInt64)
    }

    /// Iterations of run 0 (N).
    var iterations: Int
    /// The stacks, in first-seen order.
    var stacks: [Stack]
    /// The counting allocator's allocations and bytes in run 0 and in run 1.
    var totalAllocations: (UInt64, UInt64)
    var totalBytes: (UInt64, UInt64)

    /// Copies the recorder's table; call after `memgate_sites_stop`.
    static func copyFromRecorder(
        iterations: Int, totalAllocations: (UInt64, UInt64), totalBytes: (UInt64, UInt64)
    ) -> RecordedStacks {
        let stacks = (0..<memgate_sites_count()).compactMap { index -> Stack? in
            guard var entry = memgate_sites_entry(index)?.pointee else { return nil }
            let addresses = withUnsafeBytes(of: &entry.frames) { raw in
                Array(raw.bindMemory(to: UInt.self).prefix(Int(entry.depth)))
            }
            return Stack(addresses: addresses, allocations: entry.allocations, bytes: entry.bytes)
        }
        return RecordedStacks(iterations: iterations, stacks: stacks, totalAllocations: totalAllocations, totalBytes: totalBytes)
    }
}
