#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

/// Retired user-space instructions of the thread that runs the benchmark loop, where the
/// kernel allows `perf_event_open`.
///
/// The counter is opened on the first read, on the calling thread, and counts only that
/// thread. If a later read comes from another thread (an `async` body resumed elsewhere),
/// the counts would belong to the wrong thread, so the counter declares itself invalid for
/// the rest of the benchmark and the metric is left out rather than reported wrong.
final class InstructionCounter {
    private var descriptor: Int32 = -1
    private var owner: pthread_t?
    /// False once a read failed or came from another thread; also false where unavailable.
    private(set) var isValid = true

    deinit { memgate_instructions_close(descriptor) }

    /// The instructions counted so far, or nil when unavailable or invalid.
    @inline(__always)
    func read() -> UInt64? {
        guard isValid else { return nil }
        if let owner {
            guard pthread_equal(owner, pthread_self()) != 0 else {
                isValid = false
                return nil
            }
        } else {
            owner = pthread_self()
            descriptor = memgate_instructions_open()
        }
        let value = descriptor >= 0 ? memgate_instructions_read(descriptor) : -1
        guard value >= 0 else {
            isValid = false
            return nil
        }
        return UInt64(value)
    }
}
