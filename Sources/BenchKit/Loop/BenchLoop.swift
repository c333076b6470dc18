/// The measured loop of a benchmark: `for _ in b.loop { work() }`.
///
/// The harness decides how many times the body runs. Everything before the loop is setup
/// and everything after it teardown; neither is measured. The loop runs calibration,
/// warm-up and every kept sample, so it must be entered exactly once per body and run
/// to its end: leaving it early (`break`, `return`, `throw`) or entering it twice is
/// recorded as a failure of the benchmark.
public struct BenchLoop: Sequence {
    let sampler: Sampler

    /// Returns the iterator that drives the harness.
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
        let sampler: Sampler
        /// Iterations left in the current timed unit.
        var remaining = 0

        @inline(__always)
        public mutating func next() -> Void? {
            if _fastPath(remaining > 0) {
                remaining &-= 1
                return ()
            }
            return slowPath()
        }

        @inline(never)
        mutating func slowPath() -> Void? {
            let unit = sampler.unitEnded()
            guard unit > 0 else { return nil }
            remaining = unit - 1
            return ()
        }
    }
}
