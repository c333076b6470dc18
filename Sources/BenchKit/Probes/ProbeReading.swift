/// One reading of every probe that brackets a sample. Taken in a fixed order so that
/// time covers the narrowest span: on start the clock is read last, on stop first, and
/// no arithmetic happens between reads (differences are taken afterwards).
struct ProbeReading {
    var nanoseconds: UInt64 = 0
    var cpuNanoseconds: UInt64 = 0
    var allocations: UInt64 = 0
    var frees: UInt64 = 0
    var bytes: UInt64 = 0
    var instructions: UInt64?

    /// Reads the probes at the start of a measured window: allocations, CPU,
    /// instructions, clock.
    @inline(__always)
    static func start(instructions counter: InstructionCounter?) -> ProbeReading {
        var reading = ProbeReading()
        let counts = ProbeSyscalls.allocationCounts()
        reading.allocations = counts.allocations
        reading.frees = counts.frees
        reading.bytes = counts.bytes
        reading.cpuNanoseconds = ProbeSyscalls.processCPUNanoseconds()
        reading.instructions = counter?.read()
        reading.nanoseconds = ProbeSyscalls.monotonicNanoseconds()
        return reading
    }

    /// The end-of-window reading when the clock was already read as `clock` (the loop
    /// reads it at every unit end): instructions, CPU, then allocations.
    @inline(__always)
    static func stop(clock: UInt64, instructions counter: InstructionCounter?) -> ProbeReading {
        var reading = ProbeReading()
        reading.nanoseconds = clock
        reading.instructions = counter?.read()
        reading.cpuNanoseconds = ProbeSyscalls.processCPUNanoseconds()
        let counts = ProbeSyscalls.allocationCounts()
        reading.allocations = counts.allocations
        reading.frees = counts.frees
        reading.bytes = counts.bytes
        return reading
    }
}
