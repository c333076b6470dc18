import BenchKit

/// SwiftNIO workloads as a server's benchmarks would have them: an HTTP/1 exchange over
/// loopback, futures on an event loop, an EmbeddedChannel pipeline, ByteBuffer and
/// HTTPHeaders work. Their short strings (header names and values, small integers as text)
/// are the small Swift strings whose payload the reference-counting pass must leave alone.
@main
enum NIOBenchmarks: BenchmarkSuite {
    /// Ten kept samples of a short sample time: one op per sample for the HTTP exchanges, and the
    /// six benchmarks run in 15-40 s on a loaded 2-core machine.
    static let configuration = BenchmarkConfiguration(samples: 10, sampleTime: .milliseconds(2))

    static func register(_ suite: Suite) {
        HTTPExchange.register(suite)
        AsyncHTTPExchange.register(suite)
        EventLoopWork.register(suite)
        BufferWork.register(suite)
    }
}

/// Short header values (1 to 15 UTF-8 bytes: every one a small string).
enum ShortValues {
    static let all: [String] = [
        "1", "ok", "gzip", "en-US", "no-cache", "keep-alive", "text/plain", "max-age=60", "bytes", "close", "*/*",
        "nio-bench/1.0", "abcdef", "UUUUUU", "VVVVVV", "0123456789ABCDE", "PUTUUU", "x-trace-01", "utf-8", "chunked",
        SpelledPage.value,
    ]

    /// The value at `index`, wrapping.
    static func at(_ index: Int) -> String { all[index % all.count] }
}
