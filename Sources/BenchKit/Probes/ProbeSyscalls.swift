#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CAllocCounter

/// Every operating-system call the probes make, in one place (see swift-system's
/// `Internals/ProbeSyscalls.swift`). None of these allocate, so they may run next to a
/// measured window.
enum ProbeSyscalls {
    /// Monotonic time in nanoseconds. The corresponding C function is `clock_gettime`
    /// with `CLOCK_MONOTONIC` (a vDSO call, ~20 ns on the reference machine).
    @inline(__always)
    static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// User plus system CPU time of the whole process (all threads), in nanoseconds.
    /// The corresponding C function is `getrusage(RUSAGE_SELF)`.
    static func processCPUNanoseconds() -> UInt64 {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func nanoseconds(_ t: timeval) -> UInt64 { UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1_000 }
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }

    /// The allocation counters of the CAllocCounter interposer (all threads).
    @inline(__always)
    static func allocationCounts() -> memgate_alloc_counts { memgate_alloc_snapshot() }

    /// True when malloc in this process is the counting one.
    static func allocationCountingIsActive() -> Bool { memgate_alloc_is_active() != 0 }

    /// Whether the reference-counting pass can count exactly in this process: the runtime
    /// offers its hooks with the shape the counter relies on (`RuntimeRetainAdapter`).
    static func canCountARC() -> Bool { RuntimeRetainAdapter.isConfigured }

    /// Starts counting the Swift runtime's retains, releases and object allocations (all
    /// threads); false where the pass cannot count exactly. See CAllocCounter's ARCCounter.h.
    static func startCountingARC() -> Bool { canCountARC() && memgate_arc_start() != 0 }

    /// Stops counting them: the runtime goes back to its direct path.
    static func stopCountingARC() { memgate_arc_stop() }

    /// Makes sure the runtime's hooks are off outside the reference-counting pass (see
    /// `memgate_arc_quiesce`); called before each sample's window opens.
    static func quiesceARC() { memgate_arc_quiesce() }

    /// Starts recording every allocation's stack (all threads); false where the process
    /// cannot (see CAllocCounter's AllocationSites.h).
    static func startRecordingSites() -> Bool { memgate_sites_start() != 0 }

    /// The reference-counting totals so far (all threads).
    @inline(__always)
    static func arcCounts() -> memgate_arc_counts { memgate_arc_snapshot() }

    #if os(Linux)
    /// Returns freed heap to the kernel (`malloc_trim(0)`), so RSS reflects live memory.
    static func trimHeap() { _ = memgate_malloc_trim() }

    /// Resets the kernel's resident-set high-water mark (VmHWM) to the current RSS by
    /// writing "5" to /proc/self/clear_refs. Returns false where that is not permitted.
    @discardableResult
    static func resetPeakRSS() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var five: UInt8 = UInt8(ascii: "5")
        return write(fd, &five, 1) == 1
    }

    /// Current and peak resident set size in bytes (VmRSS and VmHWM of
    /// /proc/self/status), parsed from a stack buffer without allocating.
    static func residentSetSizes() -> (current: UInt64, peak: UInt64)? {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> (UInt64, UInt64)? in
            let count = read(fd, buffer.baseAddress!, buffer.count)
            guard count > 0 else { return nil }
            let text = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard let rss = kilobytes(after: "VmRSS:", in: text),
                  let hwm = kilobytes(after: "VmHWM:", in: text) else { return nil }
            return (rss * 1024, hwm * 1024)
        }
    }

    /// The number after `label` (in kB) in a /proc status text.
    private static func kilobytes(after label: StaticString, in text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let key = UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount)
        var i = 0
        while i + key.count <= text.count {
            if (i == 0 || text[i - 1] == UInt8(ascii: "\n")) && key.indices.allSatisfy({ text[i + $0] == key[$0] }) {
                var j = i + key.count
                while j < text.count && (text[j] == UInt8(ascii: " ") || text[j] == UInt8(ascii: "\t")) { j += 1 }
                var value: UInt64 = 0
                while j < text.count, text[j] >= UInt8(ascii: "0"), text[j] <= UInt8(ascii: "9") {
                    value = value * 10 + UInt64(text[j] - UInt8(ascii: "0"))
                    j += 1
                }
                return value
            }
            i += 1
        }
        return nil
    }
    #else
    static func trimHeap() {}
    @discardableResult static func resetPeakRSS() -> Bool { false }
    static func residentSetSizes() -> (current: UInt64, peak: UInt64)? { nil }
    #endif
}
