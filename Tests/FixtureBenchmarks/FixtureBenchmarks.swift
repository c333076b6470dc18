import BenchKit
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Benchmarks with known answers, for BenchKit's end-to-end tests: each one's allocation
/// count, memory or failure is known from first principles.
@main
enum FixtureBenchmarks: BenchmarkSuite {
    /// Raw allocations per op and their size, as the names say.
    static let allocationsPerOp = 3
    static let bytesPerAllocation = 48

    static func register(_ suite: Suite) {
        registerExact(suite)
        registerARC(suite)
        registerMaskedStrings(suite)
        registerSites(suite)
        registerMemoryAndCustom(suite)
        registerFailures(suite)
    }

    /// Workloads whose allocation counts are known exactly.
    static func registerExact(_ suite: Suite) {
        suite.benchmark("exact/empty") { b in
            for _ in b.loop {}
        }
        suite.benchmark("exact/raw-k=3-s=48") { b in
            for _ in b.loop { allocate(allocationsPerOp, bytes: bytesPerAllocation) }
        }
        suite.benchmark("exact/setup-excluded") { b in
            // Setup: 1,000 allocations that must not be charged to the loop.
            let kept = (0..<1_000).map { _ in UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8) }
            for _ in b.loop { allocate(allocationsPerOp, bytes: bytesPerAllocation) }
            kept.forEach { $0.deallocate() }
        }
        suite.benchmark("exact/threads=2") { b in
            let workers = WorkerPool(threads: 2)
            for _ in b.loop { workers.runEach { allocate(allocationsPerOp, bytes: bytesPerAllocation) } }
            workers.stop()
        }
        // Child tasks on a Dispatch-free executor (see SerialTaskExecutor), with and
        // without k allocations each, so the difference is exactly 4k per op.
        for perChild in [0, allocationsPerOp] {
            suite.benchmark("exact/tasks=4-k=\(perChild)") { b in
                let executor = SerialTaskExecutor()
                await withTaskExecutorPreference(executor) {
                    for _ in b.loop {
                        await withTaskGroup(of: Void.self) { group in
                            for _ in 0..<4 { group.addTask { allocate(perChild, bytes: bytesPerAllocation) } }
                        }
                    }
                }
            }
        }
        // A sub-nanosecond body would get thousands of iterations per latency batch; the
        // cap must still bound every sample.
        suite.benchmark("exact/capped", configuration: .init(maxIterations: 100)) { b in
            for _ in b.loop {}
        }
    }

    /// A known RSS footprint and a custom metric.
    static func registerMemoryAndCustom(_ suite: Suite) {
        suite.benchmark("memory/touch-64MiB") { b in
            for _ in b.loop {
                let size = 64 << 20
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
                for offset in stride(from: 0, to: size, by: 4096) { buffer.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self) }
                blackHole(buffer)
                buffer.deallocate()
            }
        }
        suite.benchmark("custom/report") { b in
            for _ in b.loop {}
            b.report(7, unit: "widgets", exact: true)
        }
    }

    /// Every way a benchmark can fail: crash, hang, timeout, misuse of the loop, a throw,
    /// a bad configuration.
    static func registerFailures(_ suite: Suite) {
        suite.benchmark("fail/crash") { b in
            for _ in b.loop { raise(SIGSEGV) }
        }
        suite.benchmark("fail/hang") { b in
            for _ in b.loop { sleep(1_000) }
        }
        // Its own timeout, so a run that includes it keeps the default for the others.
        suite.benchmark("fail/hang-timeout=2s", configuration: .init(timeout: .seconds(2))) { b in
            for _ in b.loop { sleep(1_000) }
        }
        suite.benchmark("fail/break") { b in
            for _ in b.loop { break }
        }
        suite.benchmark("fail/no-loop") { _ in }
        suite.benchmark("fail/report-in-loop") { b in
            for _ in b.loop { b.report(1, unit: "x") }
        }
        suite.benchmark("fail/throws") { b in
            struct Broken: Error {}
            for _ in b.loop {}
            throw Broken()
        }
        suite.benchmark("fail/bad-config", configuration: .init(sampleTime: .zero)) { b in
            for _ in b.loop {}
        }
    }

    /// Makes `count` allocations of `bytes` bytes and frees them.
    @inline(never)
    static func allocate(_ count: Int, bytes: Int) {
        for _ in 0..<count {
            let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
            blackHole(block)
            block.deallocate()
        }
    }
}

/// Threads created once (setup), woken for each op by spinning on atomics, so the
/// synchronisation itself never allocates.
final class WorkerPool: @unchecked Sendable {
    private let generation = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let count: Int
    private nonisolated(unsafe) var work: (@Sendable () -> Void)?
    private var threads: [pthread_t] = []

    init(threads count: Int) {
        self.count = count
        for _ in 0..<count {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            pthread_create(&thread, nil, { context in
                let pool = Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue()
                pool.serve()
                return nil
            }, context)
            threads.append(thread)
        }
    }

    /// Runs `body` once on every worker thread and waits for all of them.
    func runEach(_ body: @escaping @Sendable () -> Void) {
        work = body
        finished.store(0, ordering: .relaxed)
        generation.add(1, ordering: .releasing)
        while finished.load(ordering: .acquiring) < count { sched_yield() }
    }

    func stop() {
        stopping.store(true, ordering: .releasing)
        generation.add(1, ordering: .releasing)
        for thread in threads { pthread_join(thread, nil) }
    }

    private func serve() {
        var seen = 0
        while true {
            var current = generation.load(ordering: .acquiring)
            while current == seen { sched_yield(); current = generation.load(ordering: .acquiring) }
            seen = current
            if stopping.load(ordering: .acquiring) { return }
            work?()
            finished.add(1, ordering: .releasing)
        }
    }
}
