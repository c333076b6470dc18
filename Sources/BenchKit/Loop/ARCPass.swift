import CAllocCounter

/// The reference-counting pass: after the kept samples, never during them, the loop runs
/// the body for N = `SamplingPlan.arcPassIterations` iterations (at most one sample's), then
/// 2N, then 3N, each as one unit, with the Swift runtime's retain, release and
/// object-allocation hooks counting. The fast path of `b.loop` does no reference counting,
/// but entering and leaving a unit may (a debug build retains the sampler around the call
/// that ends it); that cost is the same for every run, so two consecutive runs' counts differ
/// by exactly N iterations' worth of the body's (see `ARCCountTests`).
///
/// The hooks count every thread, and another thread can do reference counting during one
/// run (seen: one object and one release more in about one pass in 16 of a JSON-encoding
/// body, whose own allocations stayed exact). So the pass takes two independent differences
/// (2N - N, 3N - 2N); when they disagree it runs 4N too, and each count is the median of
/// the three differences (`init(runs:iterations:)`): one stray event, in any run, never
/// decides a count.
///
/// The pass also counts the allocator's calls and bytes, the same way, to check that it ran
/// the path the kept samples ran (`disagreement(withSamples:)`): the program's allocations
/// can depend on the allocator's state (`SideThread`), and counts from another path are not
/// the samples' counts. Between and around the runs the pass allocates nothing (`ARCRuns`
/// is stored inline).
///
/// Switching the hooks on makes every retain and release go through a counting wrapper
/// (a function-pointer call and two stores); the kept samples run with them off, so time,
/// latency and the allocation counts are measured as before.
struct ARCPass: Sendable, Equatable {
    /// Iterations the counts cover (N).
    var iterations: Int
    /// Strong retains (all threads) in N iterations (`init(runs:iterations:)`).
    var retains: UInt64
    /// Strong releases (all threads), the same way.
    var releases: UInt64
    /// Swift objects allocated (all threads), the same way.
    var objects: UInt64
    /// The allocator's calls (all threads) during the pass, the same way; 0 where the
    /// counting allocator is not linked.
    var allocations: UInt64 = 0
    /// The bytes those calls asked for, the same way.
    var bytes: UInt64 = 0
    /// Whether the allocator's counts differed between the pass's differences: the body's
    /// allocations vary from run to run (scheduling-dependent), so the pass's path cannot be
    /// checked against the samples'.
    var allocationsVaried = false

    /// Retains per op.
    var retainsPerOp: Double { Double(retains) / Double(iterations) }
    /// Releases per op.
    var releasesPerOp: Double { Double(releases) / Double(iterations) }
    /// Objects per op.
    var objectsPerOp: Double { Double(objects) / Double(iterations) }
}

extension ARCPass {
    /// Sample times the pass takes at most: runs of N, 2N, 3N and 4N iterations, N at most
    /// one sample's.
    static let sampleTimesAtMost = 10

    /// The pass from its runs' counts, the k-th run covering k·N iterations (N =
    /// `iterations`); nil while it needs another run. Three runs give two differences of N
    /// iterations each: equal, they are the counts; else a fourth run gives a third, and each
    /// count is the median of the three (never below 0). Allocates nothing.
    init?(runs: ARCRuns, iterations: Int) {
        guard runs.count >= 3 else { return nil }
        let a = ARCRunDifference(runs[1], minus: runs[0]), b = ARCRunDifference(runs[2], minus: runs[1])
        guard runs.count >= 4 || a == b else { return nil }
        let c = runs.count >= 4 ? ARCRunDifference(runs[3], minus: runs[2]) : b
        func median(_ x: Int64, _ y: Int64, _ z: Int64) -> UInt64 {
            UInt64(max(0, max(min(x, y), min(max(x, y), z))))
        }
        self.init(iterations: iterations, retains: median(a.retains, b.retains, c.retains),
                  releases: median(a.releases, b.releases, c.releases), objects: median(a.objects, b.objects, c.objects),
                  allocations: median(a.allocations, b.allocations, c.allocations), bytes: median(a.bytes, b.bytes, c.bytes),
                  allocationsVaried: a.allocations != b.allocations || b.allocations != c.allocations
                      || a.bytes != b.bytes || b.bytes != c.bytes)
    }

    /// Why the pass's counts are not the kept samples' path, or nil when they are or nothing
    /// can tell. Checked: two or more kept samples all made the same whole number of
    /// allocations and bytes per op (the exact counts the gate holds), the pass's own
    /// differences agreed with one another and were whole per op too, and they differ from the
    /// samples'. Not checked: one sample (it cannot show that the body's allocations are
    /// steady; seen in `refs`, whose pass runs keep one sample: a task group's sample of
    /// exactly 34 allocations per op, and a pass that counted otherwise); samples that differ
    /// or are not whole per op; a pass whose differences varied; and a pass whose counts are
    /// not whole per op (a body that allocates K times every K ops, K not dividing N, makes
    /// N-iteration differences that agree but are not N times the rate).
    func disagreement(withSamples records: [SampleRecord]) -> String? {
        guard records.count >= 2, !allocationsVaried, let first = records.first else { return nil }
        let n = UInt64(iterations)
        guard allocations % n == 0, bytes % n == 0 else { return nil }
        func wholePerOp(_ count: (SampleRecord) -> UInt64) -> UInt64? {
            let perOp = count(first) / UInt64(first.iterations)
            let agree = records.allSatisfy {
                let iterations = UInt64($0.iterations)
                return count($0) % iterations == 0 && count($0) / iterations == perOp
            }
            return agree ? perOp : nil
        }
        guard let allocationsPerOp = wholePerOp(\.allocations), let bytesPerOp = wholePerOp(\.bytes) else { return nil }
        let (passAllocations, passBytes) = (allocations / n, bytes / n)
        guard passAllocations != allocationsPerOp || passBytes != bytesPerOp else { return nil }
        return "the reference-counting pass took another path than the samples "
            + "(\(passAllocations) allocs/op and \(passBytes) B/op against \(allocationsPerOp) and \(bytesPerOp)), "
            + "so its counts are left out"
    }
}
