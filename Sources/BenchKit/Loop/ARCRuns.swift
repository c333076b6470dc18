// The reference-counting pass's runs (`ARCPass`): each run's counters, kept inline so that
// keeping them allocates nothing between the runs' counter readings, and two runs apart.

/// The counters of one run of the pass (or, as a difference of two runs, of N iterations).
struct ARCRun: Sendable, Equatable {
    var retains: UInt64 = 0
    var releases: UInt64 = 0
    var objects: UInt64 = 0
    var allocations: UInt64 = 0
    var bytes: UInt64 = 0

    /// The counters now (all threads); allocates nothing.
    static func now() -> ARCRun {
        let arc = ProbeSyscalls.arcCounts(), memory = ProbeSyscalls.allocationCounts()
        return ARCRun(retains: arc.retains, releases: arc.releases, objects: arc.objects,
                      allocations: memory.allocations, bytes: memory.bytes)
    }

    /// What happened since `start`, counter by counter (wrapping).
    func since(_ start: ARCRun) -> ARCRun {
        ARCRun(retains: retains &- start.retains, releases: releases &- start.releases, objects: objects &- start.objects,
               allocations: allocations &- start.allocations, bytes: bytes &- start.bytes)
    }
}

/// Two runs' counters apart, as signed values (another thread's events can make a later
/// run's count smaller): what N iterations did, by one estimate.
struct ARCRunDifference: Equatable {
    var retains, releases, objects, allocations, bytes: Int64

    init(_ later: ARCRun, minus earlier: ARCRun) {
        let d = later.since(earlier)
        retains = Int64(bitPattern: d.retains)
        releases = Int64(bitPattern: d.releases)
        objects = Int64(bitPattern: d.objects)
        allocations = Int64(bitPattern: d.allocations)
        bytes = Int64(bitPattern: d.bytes)
    }
}

/// The pass's runs so far, at most four, stored inline so that keeping one allocates nothing.
struct ARCRuns: Equatable {
    private var first = ARCRun(), second = ARCRun(), third = ARCRun(), fourth = ARCRun()
    /// Runs kept.
    private(set) var count = 0

    init() {}

    /// The runs of `runs`, in order (at most four are kept).
    init(_ runs: [ARCRun]) {
        for run in runs { append(run) }
    }

    /// Keeps `run` as the next; a fifth and later are dropped (the pass never takes them).
    mutating func append(_ run: ARCRun) {
        switch count {
        case 0: first = run
        case 1: second = run
        case 2: third = run
        case 3: fourth = run
        default: return
        }
        count += 1
    }

    /// The k-th run (0-based, k < count).
    subscript(k: Int) -> ARCRun {
        precondition(k >= 0 && k < count, "no run \(k)")
        switch k {
        case 0: return first
        case 1: return second
        case 2: return third
        default: return fourth
        }
    }
}
