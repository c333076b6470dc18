import BenchKit
import NIOCore
import NIOHTTP1
import NIOPosix

/// `http1/exchange-async`: the exchange of `http1/exchange` written with async/await
/// (`NIOAsyncChannel`), as current SwiftNIO code is: the server serves connections in a
/// task, the client awaits each response before sending the next request.
enum AsyncHTTPExchange {
    typealias ServerConnection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    typealias ClientConnection = NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>

    static func register(_ suite: Suite) {
        suite.benchmark("http1/exchange-async", configuration: NIOBenchmarks.configuration) { b in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let server = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .bind(host: "127.0.0.1", port: 0) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        return try ServerConnection(wrappingChannelSynchronously: channel)
                    }
                }
            let port = server.channel.localAddress!.port!
            let serving = Task { try await serve(server) }
            let requests = identity(HTTPExchange.requestsPerOp)
            let page = try SpelledPage()
            for _ in b.loop {
                blackHole(try await exchange(requests, port: port, on: group))
            }
            try page.check()
            serving.cancel()
            _ = await serving.result
            try await group.shutdownGracefully()
        }
    }

    /// Accepts connections until cancelled, each answered in a child task.
    static func serve(_ server: NIOAsyncChannel<ServerConnection, Never>) async throws {
        try await server.executeThenClose { connections in
            try await withThrowingDiscardingTaskGroup { tasks in
                for try await connection in connections {
                    tasks.addTask { try? await answer(connection) }
                }
            }
        }
    }

    /// Answers every request of one connection as `Responder` does.
    static func answer(_ connection: ServerConnection) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var echo = ""
            for try await part in inbound {
                switch part {
                case .head(let head):
                    echo = head.headers["x-value"].first ?? "missing"
                case .body:
                    break
                case .end:
                    try await outbound.write(.head(HTTPExchange.response(echo: echo)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: "ok"))))
                    try await outbound.write(.end(nil))
                }
            }
        }
    }

    /// One connection, `count` requests one after another; the number of responses.
    static func exchange(_ count: Int, port: Int, on group: EventLoopGroup) async throws -> Int {
        let client = try await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try ClientConnection(wrappingChannelSynchronously: channel)
            }
        }
        return try await client.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            for index in 0..<count {
                try await outbound.write(.head(HTTPExchange.request(index)))
                try await outbound.write(.end(nil))
                try await awaitResponse(index, from: &responses)
            }
            return count
        }
    }

    /// Reads one response to its end; throws unless it is 200 with the expected `x-echo`.
    static func awaitResponse(
        _ index: Int, from responses: inout NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    ) async throws {
        while let part = try await responses.next() {
            switch part {
            case .head(let head):
                guard head.status == .ok, head.headers["x-echo"].first == ShortValues.at(index) else {
                    throw Mismatch(what: "response \(index): \(head)")
                }
            case .body:
                break
            case .end:
                return
            }
        }
        throw Mismatch(what: "connection closed before response \(index)")
    }
}
