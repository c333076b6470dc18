#if os(Linux)
import Glibc
#endif
import AddressSymbols
import BaseSystem

/// The child's side of `LineService`: asks the parent for the chains of main-executable
/// offsets, and says nil on any failure (no service, a timeout, a reply that does not
/// answer the request), so the caller reads the lines itself.
enum LineClient {
    /// How long the child waits for the parent's reply before reading its lines itself.
    static let timeoutSeconds = 30

    /// The chains of `offsets` from the service of process `parent`, keyed by offset.
    static func chains(offsets: [UInt64], parent: Int32) -> [UInt64: [InlineChains.Entry]]? {
        #if os(Linux)
        guard !offsets.isEmpty, let fd = LineService.streamSocket() else { return nil }
        defer { close(fd) }
        LineService.setTimeout(fd, seconds: timeoutSeconds)
        guard LineService.withAddress(LineService.socketName(parent: parent), { connect(fd, $0, $1) }) == 0,
              sendAll(LineService.request(offsets), toSocket: fd) == nil,
              shutdown(fd, Int32(SHUT_WR)) == 0,
              let reply = LineService.receiveAll(from: fd)
        else { return nil }
        return LineService.chains(ofReply: reply, offsets: offsets)
        #else
        return nil
        #endif
    }
}
