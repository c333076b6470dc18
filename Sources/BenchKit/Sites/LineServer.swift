#if os(Linux)
import AddressSymbols
import BaseSystem
import Dispatch
import Foundation
import Glibc

/// The parent's side of `LineService`: a thread that answers children's requests for the
/// source lines of the main executable's return addresses, one child at a time, until `stop`.
final class LineServer: @unchecked Sendable {
    private let listener: Int32
    private let ended = DispatchSemaphore(value: 0)

    /// Listens as `LineService.socketName(parent:)` of this process, the main executable
    /// being loaded at `base`; nil when the socket cannot be made (children then read their
    /// lines themselves).
    init?(parent: Int32 = getpid(), base: UInt64) {
        guard let fd = LineService.streamSocket() else { return nil }
        let bound = LineService.withAddress(LineService.socketName(parent: parent)) { bind(fd, $0, $1) }
        guard bound == 0, listen(fd, 4) == 0 else {
            close(fd)
            return nil
        }
        listener = fd
        let ended = self.ended
        let thread = Thread { Self.serve(fd, base: base, ended: ended) }
        thread.name = "benchkit-lines"
        thread.start()
    }

    /// Stops listening and waits (at most a second) for the thread to end.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the thread's accept
        _ = ended.wait(timeout: .now() + 1)
    }

    private static func serve(_ listener: Int32, base: UInt64, ended: DispatchSemaphore) {
        defer {
            close(listener)
            ended.signal()
        }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            answer(connection, base: base)
            close(connection)
        }
    }

    /// Reads one request from `connection` and sends its reply: the chains of `base` plus
    /// each offset, keyed back by offset.
    private static func answer(_ connection: Int32, base: UInt64) {
        LineService.setTimeout(connection, seconds: 10)
        guard let request = LineService.receiveAll(from: connection),
              let offsets = LineService.offsets(ofRequest: request) else { return }
        let addresses = offsets.map { UInt(truncatingIfNeeded: base &+ $0) }
        let chains = InlineChains.chains(returnAddresses: addresses)
        var byOffset: [UInt64: [InlineChains.Entry]] = [:]
        for (offset, address) in zip(offsets, addresses) { byOffset[offset] = chains[address] }
        _ = sendAll(LineService.reply(offsets: offsets, chains: byOffset), toSocket: connection)
    }
}
#endif
