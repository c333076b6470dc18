import BenchKit
#if canImport(Glibc)
import Glibc
#endif

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
            for _ in b.loop {
                workers.runEach {
                    Sites.f()
                    Sites.g()
                }
            }
            workers.stop()
        }
        suite.benchmark("sites/task") { b in
            let executor = SerialTaskExecutor()
            await withTaskExecutorPreference(executor) {
                for _ in b.loop {
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask {
                            Sites.f()
                            Sites.g()
                        }
                    }
                }
            }
        }
        suite.benchmark("sites/off", configuration: .init(recordsSites: false)) { b in
            for _ in b.loop { Sites.f() }
        }
        registerPassCrashes(suite)
    }

    /// Bodies that crash only in a pass after the kept samples, or after the loop. One
    /// iteration per run (maxIterations 1) and no warm-up: calibration and the 3 kept samples
    /// run iterations 1 to 4, so the first pass starts at iteration 5. The retain-site pass is
    /// told by the runtime's hook flag instead (on in the reference-counting pass, off in the
    /// allocation-site pass, on again in the retain-site pass), since the reference-counting
    /// pass takes three or four runs. A body dies at the second raise.
    static func registerPassCrashes(_ suite: Suite) {
        func crash(from first: Int, _ b: Bench) {
            var iteration = 0
            for _ in b.loop {
                iteration += 1
                // Every iteration from `first`: the Swift runtime's backtracer returns from a
                // raised (not faulting) signal's handler once, so one raise would not kill.
                if iteration >= first { raise(SIGSEGV) }
                Sites.g()
            }
        }
        suite.benchmark("passes/crash-in-site-pass", configuration: .init(
            samples: 3, warmupSamples: 0, maxIterations: 1, countsARC: false)) { b in crash(from: 5, b) }
        suite.benchmark("passes/crash-in-arc-pass", configuration: .init(
            samples: 3, warmupSamples: 0, maxIterations: 1, recordsSites: false)) { b in crash(from: 5, b) }
        suite.benchmark("passes/crash-in-retain-site-pass", configuration: .init(
            samples: 3, warmupSamples: 0, maxIterations: 1)) { b in
            let hooks = swiftHooksFlag()
            var hooksWere = (on: false, offAgain: false)
            for _ in b.loop {
                let on = hooks.map(isSet) ?? false
                if on && hooksWere.offAgain { raise(SIGSEGV) }  // every iteration, as in `crash`
                if on { hooksWere.on = true } else if hooksWere.on { hooksWere.offAgain = true }
                Sites.g()
            }
        }
        suite.benchmark("passes/crash-after-loop", configuration: .init(samples: 3, warmupSamples: 0, maxIterations: 1)) { b in
            crash(from: .max, b)
            raise(SIGSEGV)
            raise(SIGSEGV)
        }
    }
}
