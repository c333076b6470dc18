import CSystemShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way BenchKit and memgate start a program: `posix_spawn`, never a shell.
///
///     let child = ChildProcess(executable: "git", arguments: ["status"], output: .captured)
///     let finished = try child.start().finish()   // reads both pipes, then waits
///
/// What every child gets, whoever starts it:
/// - the default disposition of every signal and an empty signal mask, whatever the parent
///   ignores or blocks (an interrupted parent ignores SIGINT while it cleans up; its
///   children must stay interruptible);
/// - no descriptor above standard error, where the C library can close them
///   (`closesInheritedDescriptors`), so a child never holds open a pipe another reader of
///   the parent waits on; the pipes made here are close-on-exec in any case;
/// - an executable name without a slash looked up on the parent's `PATH` (`posix_spawnp`).
package struct ChildProcess: Sendable {
    /// Where one of the child's standard streams goes.
    package enum Stream: Sendable, Equatable {
        /// The parent's own stream of the same number.
        case inherited
        /// A pipe the parent reads (`Running.finish()`).
        case captured
        /// `/dev/null`.
        case discarded
        /// The parent's standard error (a child's output that must not mix into ours).
        case parentError
    }

    /// Thrown by `start()` when the program could not be started.
    package struct StartFailure: Error, CustomStringConvertible {
        /// The C library's error number (`ENOENT` for a program that is not there).
        package var code: Int32
        /// The program and the reason.
        package var description: String
    }

    /// Whether children start with descriptors 3 and up closed: glibc 2.34 and later.
    package static let closesInheritedDescriptors: Bool = {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        return memgate_spawn_close_from(&actions, 3) == 0
    }()

    /// The program: a path, or a name looked up on `PATH`.
    package var executable: String
    /// Its arguments, not including argv[0].
    package var arguments: [String]
    /// Its working directory; nil for ours.
    package var directory: String?
    /// Its whole environment; nil for ours.
    package var environment: [String: String]?
    /// Standard input (`.inherited` or `.discarded`).
    package var input: Stream
    /// Standard output.
    package var output: Stream
    /// Standard error.
    package var error: Stream
    /// Whether the child leads a process group of its own (so that a signal can reach it and
    /// everything it starts, and a terminal's Ctrl-C reaches only the parent).
    package var ownProcessGroup: Bool

    /// A program to start with `start()` (see the properties).
    package init(
        executable: String, arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
        input: Stream = .inherited, output: Stream = .inherited, error: Stream = .inherited, ownProcessGroup: Bool = false
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
        self.output = output
        self.error = error
        self.ownProcessGroup = ownProcessGroup
    }

    /// Starts the program.
    /// - Throws: `StartFailure` when it cannot be started (not found, not executable, no
    ///   such directory, out of processes).
    package func start() throws(StartFailure) -> Running {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipes = try StreamPipes(output: output == .captured, error: error == .captured)
        defer { pipes.closeWriteEnds() }
        let changesDirectory: Bool
        do { changesDirectory = try plan(&actions, pipes) } catch {
            pipes.closeReadEnds()
            throw error
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal: Int32 in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noneBlocked = sigset_t()
        sigemptyset(&noneBlocked)
        posix_spawnattr_setsigmask(&attributes, &noneBlocked)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)
        if ownProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        // Where the C library cannot change the child's directory (glibc before 2.29),
        // `env -C DIRECTORY` does it before running the program.
        let command = changesDirectory || directory == nil ? [executable] + arguments : ["env", "-C", directory!, executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentStrings = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { environmentStrings?.forEach { free($0) } }
        var pid = pid_t()
        let spawned = Self.spawn(&pid, command[0], &actions, &attributes, argv, environmentStrings ?? Self.parentEnvironment)
        guard spawned == 0 else {
            pipes.closeReadEnds()
            throw StartFailure(code: spawned, description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return Running(pid: pid, outputFD: pipes.outputRead, errorFD: pipes.errorRead)
    }

    /// The file actions that give the child its streams, its directory and no other
    /// descriptor. Returns false when the directory must be changed another way (the C
    /// library has no `addchdir`).
    private func plan(_ actions: inout posix_spawn_file_actions_t, _ pipes: StreamPipes) throws(StartFailure) -> Bool {
        let streams: [(Stream, Int32, Int32?)] = [(input, 0, nil), (output, 1, pipes.outputWrite), (error, 2, pipes.errorWrite)]
        for (stream, number, pipeEnd) in streams {
            switch stream {
            case .inherited: break
            case .captured: posix_spawn_file_actions_adddup2(&actions, pipeEnd!, number)
            case .discarded: posix_spawn_file_actions_addopen(&actions, number, "/dev/null", number == 0 ? O_RDONLY : O_WRONLY, 0)
            case .parentError: posix_spawn_file_actions_adddup2(&actions, 2, number)
            }
        }
        _ = memgate_spawn_close_from(&actions, 3)
        if let directory {
            let result = memgate_spawn_chdir(&actions, directory)
            if result == ENOSYS { return false }
            guard result == 0 else {
                let reason = String(cString: strerror(result))
                throw StartFailure(code: result, description: "cannot start \(executable) in \(directory): \(reason)")
            }
        }
        return true
    }

    private static func spawn(
        _ pid: UnsafeMutablePointer<pid_t>, _ path: String, _ actions: UnsafePointer<posix_spawn_file_actions_t>,
        _ attributes: UnsafePointer<posix_spawnattr_t>, _ argv: [UnsafeMutablePointer<CChar>?],
        _ environment: [UnsafeMutablePointer<CChar>?]
    ) -> Int32 {
        path.contains("/")
            ? posix_spawn(pid, path, actions, attributes, argv, environment)
            : posix_spawnp(pid, path, actions, attributes, argv, environment)
    }

    private static var parentEnvironment: [UnsafeMutablePointer<CChar>?] {
        var entries: [UnsafeMutablePointer<CChar>?] = []
        #if canImport(Darwin)
        var cursor = _NSGetEnviron().pointee!
        #else
        var cursor = environ
        #endif
        while let entry = cursor.pointee {
            entries.append(entry)
            cursor += 1
        }
        return entries + [nil]
    }
}
