#if canImport(Glibc)
import Glibc
#endif

/// A task executor that runs every job on one dedicated thread, in order, with a fixed
/// ring buffer and a pthread mutex: enqueueing and running jobs never allocates.
///
/// The default global executor (Dispatch) adds a few allocations of its own per
/// thousand jobs, at random; with this executor a task-group workload allocates exactly
/// the same every op, which is what the child-task exactness test needs.
final class SerialTaskExecutor: TaskExecutor, @unchecked Sendable {
    private static let capacity = 4_096
    private let ring = UnsafeMutablePointer<UnownedJob?>.allocate(capacity: capacity)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var head = 0
    private var tail = 0

    init() {
        ring.initialize(repeating: nil, count: Self.capacity)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        pthread_create(&thread, nil, { context in
            Unmanaged<SerialTaskExecutor>.fromOpaque(context!).takeRetainedValue().serve()
        }, context)
        pthread_detach(thread)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        pthread_mutex_lock(mutex)
        precondition(tail - head < Self.capacity, "SerialTaskExecutor: more than \(Self.capacity) jobs queued")
        ring[tail % Self.capacity] = unowned
        tail += 1
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    private func serve() -> Never {
        while true {
            pthread_mutex_lock(mutex)
            while head == tail { pthread_cond_wait(condition, mutex) }
            let job = ring[head % Self.capacity]!
            head += 1
            pthread_mutex_unlock(mutex)
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
