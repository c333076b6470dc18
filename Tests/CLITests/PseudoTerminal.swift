#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair for tests: `follower` is a real TTY; what is written to it can be
/// read from `leader`.
final class PseudoTerminal {
    let leader: Int32
    let follower: Int32

    /// Opens `/dev/ptmx` by hand: Swift's Glibc module does not import `posix_openpt`,
    /// `unlockpt` or `ptsname` (they need `_XOPEN_SOURCE`), so this does what they do on Linux.
    /// Both ends are close-on-exec, so processes other tests start never hold them. A
    /// failed init closes exactly what it opened; the descriptors are stored only once both
    /// are open.
    init?(columns: UInt16 = 0) {
        let leader = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard leader >= 0 else { return nil }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(leader, Self.setLock, &unlock) == 0, ioctl(leader, Self.getNumber, &number) == 0 else {
            close(leader)
            return nil
        }
        let follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard follower >= 0 else {
            close(leader)
            return nil
        }
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(leader, UInt(TIOCSWINSZ), &size)
        self.leader = leader
        self.follower = follower
    }

    deinit {
        close(follower)
        close(leader)
    }

    /// `TIOCSPTLCK` and `TIOCGPTN`, `_IOW('T', 0x31, int)` and `_IOR('T', 0x30, unsigned int)`
    /// on Linux's generic ioctl layout (x86_64, arm64); function-like macros Swift cannot import.
    private static let setLock = UInt(0x4004_5431)
    private static let getNumber = UInt(0x8004_5430)
}

/// A pipe whose ends close when it goes away, each exactly once (tests run in parallel, so a
/// second `close` could hit a descriptor number another test has just been given).
final class Pipe {
    let reader: Int32
    let writer: Int32
    private var writerOpen = true

    init() {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        // Close-on-exec, so processes other tests start do not hold an end (but for a
        // start in the instant between `pipe` and `fcntl`; `pipe2` is not imported).
        for end in ends { precondition(fcntl(end, F_SETFD, FD_CLOEXEC) == 0) }
        reader = ends[0]
        writer = ends[1]
    }

    /// Closes the write end and reads everything written.
    func readAll() -> [UInt8] {
        closeWriter()
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(reader, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }

    private func closeWriter() {
        if writerOpen { close(writer) }
        writerOpen = false
    }

    deinit {
        close(reader)
        closeWriter()
    }
}
