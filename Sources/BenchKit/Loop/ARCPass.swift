/// The reference-counting pass: after the kept samples, never during them, the loop runs
/// the body for N = `SamplingPlan.arcPassIterations` iterations (at most one sample's) and
/// then for 2N, each as one unit, with the Swift runtime's retain, release and
/// object-allocation hooks counting. The fast path of `b.loop` does no reference counting,
/// but entering and leaving a unit may (a debug build retains the sampler around the call
/// that ends it); that cost is the same for both runs, so the second run's counts minus the
/// first's are exactly N iterations' worth of the body's (see `ARCCountTests`).
///
/// Switching the hooks on makes every retain and release go through a counting wrapper
/// (a function-pointer call and two stores); the kept samples run with them off, so time,
/// latency and the allocation counts are measured as before.
struct ARCPass: Sendable, Equatable {
    /// Iterations the counts cover (N).
    var iterations: Int
    /// Strong retains (all threads): the 2N run's minus the N run's, at least 0.
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

extension UInt64 {
    /// `self - other`, or 0 when `other` is larger (work on other threads can make the
    /// shorter run count more).
    func subtractingClamped(_ other: UInt64) -> UInt64 { self > other ? self - other : 0 }
}
