/// The measured loop of a benchmark: `for _ in b.loop { work() }`.
///
/// The harness decides how many times the body runs. Everything before the loop is setup
/// and everything after it teardown; neither is measured. The loop runs calibration,
/// warm-up and every kept sample, so it must be entered exactly once per body and run
/// to its end: leaving it early (`break`, `return`, `throw`) or entering it twice is
/// recorded as a failure of the benchmark.
public struct BenchLoop: Sequence {
    @usableFromInline let sampler: Sampler

    @inlinable init(sampler: Sampler) { self.sampler = sampler }

    /// Returns the iterator that drives the harness.
    @inlinable
    public func makeIterator() -> Iterator {
        sampler.enterLoop()
        return Iterator(sampler: sampler)
    }

    /// Drives the loop. `next()` is a decrement and a compare on the fast path; the
    /// harness only runs (`slowPath`) at the end of each timed unit:
    /// 1. a latency unit ended (one iteration, or a batch of short ones): read the clock;
    /// 2. a sample ended: read every probe, then start the next sample;
    /// 3. the last sample ended: return nil.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let sampler: Sampler
        /// Iterations left in the current timed unit.
        @usableFromInline var remaining = 0

        @inlinable init(sampler: Sampler) { self.sampler = sampler }

        /// Inlined into the benchmark body (it is `@inlinable`), so an empty body costs
        /// a decrement and a branch per iteration.
        @inlinable @inline(__always)
        public mutating func next() -> Void? {
            if _fastPath(remaining > 0) {
                remaining &-= 1
                return ()
            }
            return slowPath()
        }

        @inline(never) @usableFromInline
        mutating func slowPath() -> Void? {
            let unit = sampler.unitEnded()
            guard unit > 0 else { return nil }
            remaining = unit - 1
            return ()
        }
    }
}
