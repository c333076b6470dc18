@testable import BenchKit
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `SideThread`: the work runs on one thread of its own, in call order, each call done
/// before `run` returns; after `finish()` it runs on the caller's thread.
@Suite struct SideThreadTests {
    final class Log: @unchecked Sendable {
        var entries: [(value: Int, thread: pthread_t)] = []
    }

    @Test func runsEachCallOnItsOwnThreadBeforeReturning() {
        let log = Log()
        let side = SideThread<Int> { value in log.entries.append((value, pthread_self())) }
        for value in 1...3 {
            side.run(value)
            #expect(log.entries.count == value)  // done before run returned
        }
        #expect(log.entries.map(\.value) == [1, 2, 3])
        let threads = log.entries.map(\.thread)
        #expect(threads.allSatisfy { pthread_equal($0, threads[0]) != 0 })
        #expect(pthread_equal(threads[0], pthread_self()) == 0)
        side.finish()
        side.run(4)
        #expect(log.entries.count == 4 && pthread_equal(log.entries[3].thread, pthread_self()) != 0)
        side.finish()  // twice: nothing more
    }
}
