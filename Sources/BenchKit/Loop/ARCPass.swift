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
    /// count is the median of the three (never below 0).
    init?(runs: [memgate_arc_counts], iterations: Int) {
        guard runs.count >= 3 else { return nil }
        let differences = zip(runs, runs.dropFirst()).prefix(3).map { earlier, later in
            (retains: Int64(bitPattern: later.retains &- earlier.retains),
             releases: Int64(bitPattern: later.releases &- earlier.releases),
             objects: Int64(bitPattern: later.objects &- earlier.objects))
        }
        if differences.count == 2 && differences[0] != differences[1] { return nil }
        func median(_ values: [Int64]) -> UInt64 { UInt64(max(0, values.sorted()[values.count / 2])) }
        self.init(iterations: iterations, retains: median(differences.map(\.retains)),
                  releases: median(differences.map(\.releases)), objects: median(differences.map(\.objects)))
    }
}
