import CSystemShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipes for a child's captured standard output and error: close-on-exec in the parent
/// (only the child's copies, made by `dup2`, survive its `exec`).
struct StreamPipes {
    private(set) var outputRead: Int32?
    private(set) var outputWrite: Int32?
    private(set) var errorRead: Int32?
    private(set) var errorWrite: Int32?

    /// Makes the pipes asked for.
    init(output: Bool, error: Bool) throws(ChildProcess.StartFailure) {
        if output { (outputRead, outputWrite) = try Self.makePipe() }
        if error {
            do { (errorRead, errorWrite) = try Self.makePipe() } catch {
                closeReadEnds()
                closeWriteEnds()
                throw error
            }
        }
    }

    /// Closes the parent's write ends (after the spawn, so the reader sees the end).
    mutating func closeWriteEnds() {
        for fd in [outputWrite, errorWrite].compactMap({ $0 }) { close(fd) }
        outputWrite = nil
        errorWrite = nil
    }

    /// Closes the read ends (when the spawn failed).
    mutating func closeReadEnds() {
        for fd in [outputRead, errorRead].compactMap({ $0 }) { close(fd) }
        outputRead = nil
        errorRead = nil
    }

    private static func makePipe() throws(ChildProcess.StartFailure) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard memgate_pipe_cloexec(&ends) == 0 else {
            throw ChildProcess.StartFailure(code: errno, description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        return (ends[0], ends[1])
    }
}

/// Reads a child's captured output and error to their ends with `poll`, on the calling
/// thread, and closes them.
struct CapturedStreams {
    var output: Int32?
    var error: Int32?

    func readToEnd() -> (output: [UInt8], error: [UInt8]) {
        var open = [output, error]
        var data: [[UInt8]] = [[], []]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.contains(where: { $0 != nil }) {
            var requests = open.map { pollfd(fd: $0 ?? -1, events: Int16(POLLIN), revents: 0) }
            if poll(&requests, nfds_t(requests.count), -1) < 0 && errno != EINTR {
                for fd in open.compactMap({ $0 }) { close(fd) }
                break
            }
            for index in requests.indices where requests[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(requests[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    data[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    close(requests[index].fd)
                    open[index] = nil
                }
            }
        }
        return (data[0], data[1])
    }
}
