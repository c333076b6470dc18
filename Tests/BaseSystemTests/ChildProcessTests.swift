import BaseSystem
import Foundation
import Testing

/// `ChildProcess`: the one way BenchKit and memgate start a program, and how its ending and
/// output are read.
@Suite struct ChildProcessTests {
    private func shell(_ script: String, timeout: Double = 60) throws -> ChildProcess.Termination? {
        try ChildProcess(executable: "/bin/sh", arguments: ["-c", script]).start().wait(timeout: timeout)
    }

    private func captured(_ child: ChildProcess) throws -> (ChildProcess.Termination, String, String) {
        var child = child
        child.output = .captured
        child.error = .captured
        let finished = try child.start().finish()
        return (finished.termination, String(decoding: finished.output, as: UTF8.self), String(decoding: finished.error, as: UTF8.self))
    }

    @Test func exitStatusSignalAndTimeoutAreReported() throws {
        #expect(try shell("exit 0") == .exited(0))
        #expect(try shell("exit 7") == .exited(7))
        #expect(try shell("kill -SEGV $$") == .signaled(SIGSEGV))
        #expect(ChildProcess.Termination.signaled(SIGSEGV).shellStatus == 139)
        #expect(try shell("sleep 30", timeout: 0.2) == nil)
        let missing = #expect(throws: ChildProcess.StartFailure.self) {
            try ChildProcess(executable: "/nonexistent/memgate", arguments: []).start()
        }
        #expect(missing?.code == ENOENT)
        #expect(missing?.description.contains("/nonexistent/memgate") == true)
    }

    @Test func signalNamesAreReadable() {
        #expect(ChildProcess.Termination.describe(signal: SIGSEGV).hasPrefix("SIGSEGV ("))
        #expect(ChildProcess.Termination.describe(signal: SIGKILL).hasPrefix("SIGKILL ("))
    }

    /// Both streams are read at once: 300 KB on standard error (several pipe buffers) while
    /// standard output is open must not block either side.
    @Test func bothStreamsAreCapturedWhole() throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' e >&2; echo out; echo err >&2; exit 3"
        let (termination, output, error) = try captured(ChildProcess(executable: "/bin/sh", arguments: ["-c", script]))
        #expect(termination == .exited(3))
        #expect(output == "out\n")
        #expect(error.count == 300_004)
        #expect(error.hasSuffix("eerr\n"))
    }

    @Test func directoryEnvironmentAndPathLookupAreHonoured() throws {
        let child = ChildProcess(executable: "sh", arguments: ["-c", "pwd; echo \"$MEMGATE_PROBE\"; echo \"${HOME-unset}\""],
                                 directory: "/tmp", environment: ["MEMGATE_PROBE": "set here", "PATH": "/usr/bin:/bin"])
        let (termination, output, _) = try captured(child)
        #expect(termination == .exited(0))
        #expect(output == "/tmp\nset here\nunset\n")
        #expect(throws: ChildProcess.StartFailure.self) {
            try ChildProcess(executable: "true", arguments: [], directory: "/nonexistent/folder").start().finish()
        }
    }

    @Test func streamsCanBeDiscardedOrSentToStandardError() throws {
        let quiet = ChildProcess(executable: "/bin/sh", arguments: ["-c", "cat; echo gone"], input: .discarded, output: .discarded)
        #expect(try quiet.start().finish().output.isEmpty)
        // `.parentError` points the child's standard output where our standard error goes.
        let script = "test \"$(readlink /proc/$$/fd/1)\" = \"$(readlink /proc/$$/fd/2)\""
        let redirected = ChildProcess(executable: "/bin/sh", arguments: ["-c", script], output: .parentError)
        #expect(try redirected.start().finish().termination == .exited(0))
        let apart = ChildProcess(executable: "/bin/sh", arguments: ["-c", script], output: .discarded)
        #expect(try apart.start().finish().termination == .exited(1))
    }

    /// A child leading its own group has process group id == its pid; otherwise it shares ours.
    @Test func processGroupIsTheChildsOwnWhenAsked() throws {
        let script = "ps -o pgid= -p $$ | tr -d ' '"
        for own in [true, false] {
            let child = ChildProcess(executable: "/bin/sh", arguments: ["-c", script], output: .captured, ownProcessGroup: own)
            let running = try child.start()
            let group = String(decoding: running.finish().output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(group == (own ? "\(running.pid)" : "\(getpgrp())"))
        }
    }

    /// A parent that ignores SIGINT (as one cleaning up after an interrupt does) still starts
    /// children with the default disposition: /proc's SigIgn mask has no SIGINT bit.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"))) func childrenStartWithDefaultSignals() throws {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let child = ChildProcess(executable: "/bin/sh", arguments: ["-c", "grep SigIgn /proc/self/status"], output: .captured)
        let line = String(decoding: try child.start().finish().output, as: UTF8.self)
        let mask = UInt64(line.split(separator: "\t").last!.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16)!
        #expect(mask & (1 << UInt64(SIGPIPE - 1)) == 0)
    }

    /// A descriptor the parent holds without close-on-exec (a pipe's write end, say) is not
    /// inherited: a reader waiting for that pipe's end must not wait for the benchmark too.
    @Test(.enabled(if: ChildProcess.closesInheritedDescriptors, "the C library lacks posix_spawn_file_actions_addclosefrom_np"))
    func descriptorsAboveStandardErrorAreNotInherited() throws {
        let inheritable = open("/dev/null", O_RDONLY)  // no O_CLOEXEC
        try #require(inheritable >= 3)
        defer { close(inheritable) }
        #expect(try shell("test -e /proc/self/fd/\(inheritable) && exit 3; exit 0") == .exited(0))
    }
}
