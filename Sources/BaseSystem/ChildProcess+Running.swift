import CSystemShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ChildProcess {
    /// How a child ended.
    package enum Termination: Sendable, Equatable {
        /// It exited on its own with this status.
        case exited(Int32)
        /// A signal killed it.
        case signaled(Int32)

        /// The status a shell reports: the exit status, or 128 + the signal number.
        package var shellStatus: Int32 {
            switch self {
            case .exited(let status): status
            case .signaled(let signal): 128 + signal
            }
        }

        /// A readable name for `signal`: `"SIGSEGV (Segmentation fault)"`.
        package static func describe(signal: Int32) -> String {
            let names: [Int32: String] = [
                SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
                SIGABRT: "SIGABRT", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
                SIGINT: "SIGINT",
            ]
            let text = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            return names[signal].map { "\($0) (\(text))" } ?? text
        }

        init(waitStatus status: Int32) {
            // The WIFEXITED / WTERMSIG macros are not imported into Swift.
            let signal = status & 0x7f
            self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        }
    }

    /// What a child that has been waited for left behind.
    package struct Finished: Sendable {
        /// How it ended.
        package var termination: Termination
        /// Its standard output, when `.captured` (else empty).
        package var output: [UInt8]
        /// Its standard error, when `.captured` (else empty).
        package var error: [UInt8]
    }

    /// A started child. Wait for it exactly once, with `finish()` or `wait(timeout:)`.
    package struct Running: Sendable {
        /// Its process id.
        package let pid: Int32
        let outputFD: Int32?
        let errorFD: Int32?

        /// Reads the captured streams to their end (both at once, so a chatty child never
        /// blocks on a full pipe), closes them and waits for the child to end.
        package func finish() -> Finished {
            let streams = CapturedStreams(output: outputFD, error: errorFD).readToEnd()
            return Finished(termination: Self.reap(pid), output: streams.output, error: streams.error)
        }

        /// Waits for the child at most `timeout` seconds; after that it is killed with
        /// SIGKILL and reaped, and the result is nil. For children whose streams are not
        /// captured. Sleeps until the child exits where the kernel can say when (a pidfd),
        /// so the caller wakes once, at the exit; elsewhere it polls, every 20 ms at most.
        package func wait(timeout: Double) -> Termination? {
            let deadline = Self.monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
            switch Self.sleepUntilExit(pid, deadline: deadline) {
            case true?: return Self.reap(pid)
            case false?: return Self.killAndReap(pid)
            case nil: break
            }
            var pause: UInt32 = 200  // microseconds; grows to 20 ms so a long child costs little
            while true {
                var status: Int32 = 0
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid { return Termination(waitStatus: status) }
                if result < 0 && errno != EINTR { return .exited(-1) }  // not our child (ECHILD): nothing to wait for
                if Self.monotonicNanoseconds() >= deadline { return Self.killAndReap(pid) }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
        }

        /// Sleeps until `pid` exits (true) or `deadline` passes (false) on a pidfd; nil where
        /// there is none, or when waiting on it fails (the caller polls instead).
        private static func sleepUntilExit(_ pid: Int32, deadline: UInt64) -> Bool? {
            let descriptor = memgate_pidfd_open(pid)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            while true {
                let now = monotonicNanoseconds()
                if now >= deadline { return false }
                let milliseconds = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
                var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&entry, 1, milliseconds)
                if ready > 0 { return true }
                if ready < 0 && errno != EINTR { return nil }
            }
        }

        /// Kills `pid` with SIGKILL and reaps it: the end of a wait past its deadline.
        private static func killAndReap(_ pid: Int32) -> Termination? {
            var status: Int32 = 0
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return nil
        }

        /// Waits for `pid` to end; `.exited(-1)` when it cannot be waited for (not a child).
        private static func reap(_ pid: Int32) -> Termination {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { return .exited(-1) }
            }
            return Termination(waitStatus: status)
        }

        private static func monotonicNanoseconds() -> UInt64 {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        }
    }
}
