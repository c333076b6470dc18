import BenchKit
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOPosix

/// Work on event loops: a chain of futures on a real event loop's thread, and an HTTP/1
/// server pipeline driven through an EmbeddedChannel (single-threaded, deterministic).
enum EventLoopWork {
    static func register(_ suite: Suite) {
        suite.benchmark("eventloop/future-chain", configuration: NIOBenchmarks.configuration) { b in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let loop = group.next()
            let links = identity(100)
            let page = try SpelledPage()
            for _ in b.loop {
                let total = try await loop.flatSubmit { chain(links, on: loop) }.get()
                blackHole(total)
            }
            try page.check()
            try await group.shutdownGracefully()
        }
        suite.benchmark("embedded/http-roundtrip", configuration: NIOBenchmarks.configuration) { b in
            let channel = EmbeddedChannel()
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            let requests = identity(ShortValues.all.count)
            let page = try SpelledPage()
            for _ in b.loop {
                for i in 0..<requests { try roundTrip(i, through: channel) }
            }
            try page.check()
            _ = try channel.finish()
        }
    }

    /// `links` futures, each mapping or flat-mapping the one before, with short strings.
    static func chain(_ links: Int, on loop: EventLoop) -> EventLoopFuture<Int> {
        var future = loop.makeSucceededFuture(0)
        for link in 0..<links {
            if link % 2 == 0 {
                future = future.map { $0 &+ ShortValues.at(link).utf8.count }
            } else {
                future = future.flatMap { loop.makeSucceededFuture($0 &+ link) }
            }
        }
        return future
    }

    /// One request in through the server pipeline's decoder, its response out through the encoder.
    static func roundTrip(_ index: Int, through channel: EmbeddedChannel) throws {
        let value = ShortValues.at(index)
        let request = "GET /i/\(index) HTTP/1.1\r\nhost: localhost\r\nx-value: \(value)\r\naccept: */*\r\n\r\n"
        try channel.writeInbound(channel.allocator.buffer(string: request))
        guard case .head(let head)? = try channel.readInbound(as: HTTPServerRequestPart.self),
              head.headers["x-value"].first == value,
              case .end? = try channel.readInbound(as: HTTPServerRequestPart.self)
        else { throw Mismatch(what: "request parts for \(request)") }
        var headers = HTTPHeaders()
        headers.add(name: "content-length", value: "2")
        headers.add(name: "x-echo", value: value)
        try channel.writeOutbound(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
        try channel.writeOutbound(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(string: "ok"))))
        try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        var bytes = 0
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { bytes += buffer.readableBytes }
        guard bytes > 0 else { throw Mismatch(what: "no response bytes for request \(index)") }
    }
}
