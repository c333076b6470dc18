/// One reading of every probe that brackets a sample. Taken in a fixed order so that
/// time covers the narrowest span: on start the clock is read last, on stop first, and
/// no arithmetic happens between reads (differences are taken afterwards).
struct ProbeReading {
    var nanoseconds: UInt64 = 0
    var cpuNanoseconds: UInt64 = 0
    var allocations: UInt64 = 0
    var frees: UInt64 = 0
    var bytes: UInt64 = 0

    /// Reads the probes at the start of a measured window: allocations, CPU, clock.
    @inline(__always)
    static func start() -> ProbeReading {
        var reading = ProbeReading()
        let counts = Syscalls.allocationCounts()
        reading.allocations = counts.allocations
        reading.frees = counts.frees
        reading.bytes = counts.bytes
        reading.cpuNanoseconds = Syscalls.processCPUNanoseconds()
        reading.nanoseconds = Syscalls.monotonicNanoseconds()
        return reading
    }

    /// Reads the probes at the end of a measured window: clock, CPU, allocations.
    @inline(__always)
    static func stop() -> ProbeReading { stop(clock: Syscalls.monotonicNanoseconds()) }

    /// The end-of-window reading when the clock was already read as `clock` (the loop
    /// reads it at every unit end): CPU, then allocations.
    @inline(__always)
    static func stop(clock: UInt64) -> ProbeReading {
        var reading = ProbeReading()
        reading.nanoseconds = clock
        reading.cpuNanoseconds = Syscalls.processCPUNanoseconds()
        let counts = Syscalls.allocationCounts()
        reading.allocations = counts.allocations
        reading.frees = counts.frees
        reading.bytes = counts.bytes
        return reading
    }
}
