import Dispatch
import Testing

/// The suites that build a Swift package in release and run its benchmarks come in two
/// chains that run beside each other (and beside the other suites), each one test at a time:
///
/// - `TinyBenchPackageTests`: `run`, `refs`, `bisect`, `calibrate`, sites and `init`, on
///   TinyBench copies (`init` on a new package) that share kept build folders
///   (`.build-tiny-e2e`, `.build-refs-e2e`), so only the first of them compiles BenchKit in
///   release and no two of them rebuild one executable at once; and the plugin, on a TinyBench
///   copy building in a folder of its own;
/// - `NIOPackageTests`: the SwiftNIO fixture, in its own build folder. Its first build is
///   about as long as the other chain up to `refs`, which must run alone (below).
///
/// Every suite of both chains declares its claim on the machine (`MachineClaim`): a suite
/// whose verdicts depend on timing (`refs`) runs alone, with no suite of the other chain
/// building or running benchmarks beside it; the others (exact counts, exit codes, files)
/// share the two cores. Both chains run on threads of their own (`OnItsOwnThread`) rather
/// than Swift's cooperative pool, which the other suites keep busy: a test blocks its thread
/// for minutes, and a chain waiting for a pool thread between two suites lost 80 s.
@Suite(.serialized, OnItsOwnThread()) enum TinyBenchPackageTests {}

/// The SwiftNIO chain (see `TinyBenchPackageTests`).
@Suite(.serialized, OnItsOwnThread()) enum NIOPackageTests {}

/// Runs a suite, and every test and suite under it, on a dedicated thread
/// (`DedicatedThread`): the task executor preference passes to the tasks Swift Testing
/// starts for them.
struct OnItsOwnThread: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await withTaskExecutorPreference(DedicatedThread()) { try await function() }
    }
}

/// A package-building suite's claim on the machine, held from its first test's start to its
/// last one's end: `.shared` lets package-building suites of the other chain run beside it,
/// `.alone` waits until none runs and keeps new ones from starting until it ends (a waiting
/// `.alone` goes before `.shared` claims that come after it, so the timed suite is never
/// starved).
struct MachineClaim: SuiteTrait, TestScoping {
    /// Whether the tests need the machine to themselves (their verdicts depend on timing).
    let alone: Bool

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        await MachineClaims.shared.acquire(alone: alone)
        do {
            try await function()
        } catch {
            await MachineClaims.shared.release(alone: alone)
            throw error
        }
        await MachineClaims.shared.release(alone: alone)
    }
}

extension Trait where Self == MachineClaim {
    /// Package-building suites whose assertions do not depend on timing: they may run beside
    /// the other chain's.
    static var sharesTheMachine: Self { MachineClaim(alone: false) }
    /// Suites whose verdicts depend on timing: no suite of the other chain runs meanwhile.
    static var needsTheMachineAlone: Self { MachineClaim(alone: true) }
}

/// The claims held now and the ones waiting, granted first come first served except that
/// shared claims join shared ones already held while no exclusive claim waits.
actor MachineClaims {
    /// The one every package-building suite claims through.
    static let shared = MachineClaims()

    private var sharedHolders = 0
    private var heldAlone = false
    private var waiting: [(alone: Bool, resume: CheckedContinuation<Void, Never>)] = []

    /// Claims waiting to be granted.
    var waitingCount: Int { waiting.count }

    func acquire(alone: Bool) async {
        if waiting.isEmpty && !heldAlone && (!alone || sharedHolders == 0) {
            grant(alone: alone)
            return
        }
        await withCheckedContinuation { waiting.append((alone, $0)) }
    }

    func release(alone: Bool) {
        if alone { heldAlone = false } else { sharedHolders -= 1 }
        while let next = waiting.first, !heldAlone, !next.alone || sharedHolders == 0 {
            waiting.removeFirst()
            grant(alone: next.alone)
            next.resume.resume()
            if next.alone { break }
        }
    }

    private func grant(alone: Bool) {
        if alone { heldAlone = true } else { sharedHolders += 1 }
    }
}

/// Runs a task's jobs on a serial dispatch queue of its own, so a test that blocks (waiting
/// for `swift build`, a benchmark run) blocks that queue's thread, not one of the cooperative
/// pool's (as many as the machine has cores).
private final class DedicatedThread: TaskExecutor {
    private let queue = DispatchQueue(label: "memgate.tests.package-building")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
