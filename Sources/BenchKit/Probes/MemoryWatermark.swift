/// Measures a window's peak resident set size and its growth over the RSS at the start.
///
/// `begin()` trims the heap (so freed memory is not counted as resident), resets the
/// kernel's high-water mark and records the current RSS; `end()` reads the high-water
/// mark. Both run outside the timed window: they cost tens of microseconds.
struct MemoryWatermark {
    /// RSS at `begin()`, in bytes; nil where /proc is unavailable.
    private(set) var startRSS: UInt64?
    /// Whether the high-water mark could be reset (else the peak is the process's).
    private(set) var resetWorked = false

    mutating func begin() {
        ProbeSyscalls.trimHeap()
        resetWorked = ProbeSyscalls.resetPeakRSS()
        startRSS = ProbeSyscalls.residentSetSizes()?.current
    }

    /// The peak RSS since `begin()` and its growth over the starting RSS, in bytes; nil
    /// when the high-water mark could not be reset (it would then be the whole process's
    /// peak, not this window's) or /proc is unavailable.
    func end() -> (peak: UInt64, growth: UInt64)? {
        guard resetWorked, let start = startRSS, let sizes = ProbeSyscalls.residentSetSizes() else { return nil }
        let peak = max(sizes.peak, sizes.current)
        return (peak, peak > start ? peak - start : 0)
    }
}
