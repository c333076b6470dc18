import BenchKit
import NIOCore
import NIOHTTP1
import NIOPosix

/// `http1/exchange`: an HTTP/1 server and client on one event loop (one thread), and per op
/// one loopback connection carrying `requestsPerOp` requests, one after another, each with a
/// few short headers, answered by the server with a few short headers and a two-byte body.
enum HTTPExchange {
    static let requestsPerOp = 1_000

    static func register(_ suite: Suite) {
        suite.benchmark("http1/exchange", configuration: NIOBenchmarks.configuration) { b in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let server = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMap { channel.pipeline.addHandler(Responder()) }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            let address = server.localAddress!
            let requests = identity(requestsPerOp)
            let page = try SpelledPage()
            for _ in b.loop {
                let answered = try await exchange(requests, with: address, on: group)
                blackHole(answered)
            }
            try page.check()
            try await server.close()
            try await group.shutdownGracefully()
        }
    }

    /// Connects to `address`, sends `count` requests one after another, closes; the number
    /// of responses.
    static func exchange(_ count: Int, with address: SocketAddress, on group: EventLoopGroup) async throws -> Int {
        let loop = group.next()
        let done = loop.makePromise(of: Int.self)
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap {
                    channel.pipeline.addHandler(Requester(count: count, done: done))
                }
            }
            .connect(to: address).get()
        let answered = try await done.futureResult.get()
        try await channel.close()
        return answered
    }

    /// Request `index`: a few short headers; `x-value` is the one the server echoes.
    static func request(_ index: Int) -> HTTPRequestHead {
        var headers = HTTPHeaders()
        headers.add(name: "host", value: "localhost")
        headers.add(name: "accept", value: ShortValues.at(index + 1))
        headers.add(name: "x-id", value: String(index))
        headers.add(name: "x-value", value: ShortValues.at(index))
        return HTTPRequestHead(version: .http1_1, method: .GET, uri: "/i/\(index % 97)", headers: headers)
    }

    /// The response head: 200, a few short headers, `x-echo` repeating the request's `x-value`.
    static func response(echo: String) -> HTTPResponseHead {
        var headers = HTTPHeaders()
        headers.add(name: "content-length", value: "2")
        headers.add(name: "x-echo", value: echo)
        headers.add(name: "server", value: "nio")
        headers.add(name: "cache", value: ShortValues.at(echo.utf8.count))
        return HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)
    }
}

/// The client: sends a request, waits for the whole response, checks it, sends the next.
final class Requester: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let count: Int
    private let done: EventLoopPromise<Int>
    private var answered = 0
    private var finished = false

    init(count: Int, done: EventLoopPromise<Int>) {
        self.count = count
        self.done = done
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if head.status != .ok || head.headers["x-echo"].first != ShortValues.at(answered) {
                finish(.failure(Mismatch(what: "response \(answered): \(head)")))
            }
        case .body:
            break
        case .end:
            answered += 1
            if answered == count { finish(.success(answered)) } else if !finished { send(context: context) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        finish(.failure(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(Mismatch(what: "connection closed after \(answered) of \(count) responses")))
    }

    /// Completes the promise once; later outcomes are dropped.
    private func finish(_ outcome: Result<Int, Error>) {
        guard !finished else { return }
        finished = true
        done.completeWith(outcome)
    }

    private func send(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(HTTPExchange.request(answered))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}

/// The server: answers every request with 200, a few short headers (`x-echo` repeats the
/// request's `x-value`) and the body "ok".
final class Responder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var echo = ""

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            echo = head.headers["x-value"].first ?? "missing"
        case .body:
            break
        case .end:
            context.write(wrapOutboundOut(.head(HTTPExchange.response(echo: echo))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: "ok")))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}

/// A response that is not the one the request asked for.
struct Mismatch: Error, CustomStringConvertible {
    var what: String
    var description: String { "unexpected \(what)" }
}
