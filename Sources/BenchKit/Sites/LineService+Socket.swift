#if os(Linux)
import Glibc

/// The socket work of the line service, in Linux's abstract namespace (a name, no file to
/// create or remove): the address, timeouts, and whole-message receives (sends are
/// BaseSystem's `sendAll`).
extension LineService {
    /// A connected or listening Unix stream socket's descriptor, closed on exec.
    static func streamSocket() -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        return fd >= 0 ? fd : nil
    }

    /// Calls `body` with the abstract socket address `name` (`sun_path` starting with a NUL byte)
    /// and its length; nil when the name does not fit.
    static func withAddress<T>(_ name: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(name.utf8)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { path -> Bool in
            guard bytes.count + 1 <= path.count else { return false }
            path[0] = 0
            for (index, byte) in bytes.enumerated() { path[index + 1] = byte }
            return true
        }
        guard fits else { return nil }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + 1 + bytes.count)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) } }
    }

    /// Sends and receives on `fd` fail after `seconds` without progress.
    static func setTimeout(_ fd: Int32, seconds: Int) {
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            _ = setsockopt(fd, SOL_SOCKET, option, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Everything `fd` receives until the other end shuts down its side; nil on failure or
    /// past `limit` bytes.
    static func receiveAll(from fd: Int32, limit: Int = 64 << 20) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if received == 0 { return bytes }
            if received < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[..<received]
            if bytes.count > limit { return nil }
        }
    }
}
#endif
