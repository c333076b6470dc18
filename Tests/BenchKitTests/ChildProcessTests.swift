import Foundation
import Testing
@testable import BenchKit

/// `ChildProcess`: how a benchmark's process is started and how its ending is read.
@Suite struct ChildProcessTests {
    @Test func exitStatusAndSignalAreReported() {
        #expect(ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "exit 0"], timeout: 60) == .exited(0))
        #expect(ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "exit 7"], timeout: 60) == .exited(7))
        #expect(ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "kill -SEGV $$"], timeout: 60) == .signaled(SIGSEGV))
        #expect(ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "sleep 30"], timeout: 0.2) == .timedOut)
        guard case .notStarted = ChildProcess.run(executable: "/nonexistent/memgate", arguments: [], timeout: 60) else {
            Issue.record("a missing executable should not start")
            return
        }
    }

    /// A descriptor the parent holds without close-on-exec (a pipe's write end, say) is not
    /// inherited: a reader waiting for that pipe's end must not wait for the benchmark too.
    @Test(.enabled(if: ChildProcess.closesInheritedDescriptors, "the C library lacks posix_spawn_file_actions_addclosefrom_np"))
    func descriptorsAboveStandardErrorAreNotInherited() throws {
        let inheritable = open("/dev/null", O_RDONLY)  // no O_CLOEXEC
        try #require(inheritable >= 3)
        defer { close(inheritable) }
        let probe = "test -e /proc/self/fd/\(inheritable) && exit 3; exit 0"
        #expect(ChildProcess.run(executable: "/bin/sh", arguments: ["-c", probe], timeout: 60) == .exited(0))
    }
}
