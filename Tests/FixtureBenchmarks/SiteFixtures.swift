import BenchKit

/// An empty class: each instance is one Swift object of 16 bytes (the object header).
final class Token {}

/// Functions with known allocation sites, for the allocation-site tests: `f()` makes two
/// raw allocations of 32 bytes, `g()` one Swift object. Never inlined, so each is a frame
/// of its own in every build.
enum Sites {
    static let fAllocations = 2
    static let fBytes = 32

    @inline(never)
    static func f() {
        for _ in 0..<fAllocations {
            let block = UnsafeMutableRawPointer.allocate(byteCount: fBytes, alignment: 8)
            blackHole(block)
            block.deallocate()
        }
    }

    @inline(never)
    static func g() {
        blackHole(Token())
    }
}

extension FixtureBenchmarks {
    static func registerSites(_ suite: Suite) {
        suite.benchmark("sites/f-and-g") { b in
            for _ in b.loop {
                Sites.f()
                Sites.g()
            }
        }
        suite.benchmark("sites/thread") { b in
            let workers = WorkerPool(threads: 1)
            for _ in b.loop { workers.runEach { Sites.f() } }
            workers.stop()
        }
        suite.benchmark("sites/task") { b in
            let executor = SerialTaskExecutor()
            await withTaskExecutorPreference(executor) {
                for _ in b.loop {
                    await withTaskGroup(of: Void.self) { group in group.addTask { Sites.f() } }
                }
            }
        }
        suite.benchmark("sites/off", configuration: .init(recordsSites: false)) { b in
            for _ in b.loop { Sites.f() }
        }
    }
}
