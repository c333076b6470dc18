import CSystemShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program as a child process with a time limit and reports how it ended.
///
/// The child inherits the environment and standard error; its standard output goes to
/// the parent's standard error, so a benchmark that prints cannot corrupt the parent's
/// report on standard output. Descriptors above standard error are closed in the child
/// where the C library can (`closesInheritedDescriptors`), so a benchmark never keeps open
/// a pipe that another reader of the parent waits on (its own standard error aside).
enum ChildProcess {
    /// Whether children start with descriptors 3 and up closed: glibc 2.34 and later.
    static let closesInheritedDescriptors: Bool = {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        return memgate_spawn_close_from(&actions, 3) == 0
    }()

    /// How a child ended.
    enum Ending: Equatable {
        /// Exited on its own with this status.
        case exited(Int32)
        /// Killed by this signal (not by us).
        case signaled(Int32)
        /// Still running after the limit; killed with SIGKILL.
        case timedOut
        /// Could not be started; the reason.
        case notStarted(String)
    }

    /// Runs `executable` with `arguments` (not including argv[0]) and waits at most
    /// `timeout` seconds.
    static func run(executable: String, arguments: [String], timeout: Double) -> Ending {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        _ = memgate_spawn_close_from(&actions, 3)
        // The parent ignores SIGINT/SIGTERM while it cleans up (InterruptCleanup); the child
        // starts with the default dispositions instead of inheriting "ignore".
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { return .notStarted(String(cString: strerror(spawned))) }

        let deadline = Syscalls.monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
        var pause: UInt32 = 200  // microseconds; grows to 20 ms so a long child costs little
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return ending(status) }
            if result < 0 && errno != EINTR { return .notStarted(String(cString: strerror(errno))) }
            if Syscalls.monotonicNanoseconds() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    private static func ending(_ status: Int32) -> Ending {
        // The WIFEXITED / WTERMSIG macros are not imported into Swift.
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(signal)
    }

    /// A readable name for `signal`: `"SIGSEGV (Segmentation fault)"`.
    static func describe(signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
            SIGINT: "SIGINT",
        ]
        let text = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
        return names[signal].map { "\($0) (\(text))" } ?? text
    }
}
