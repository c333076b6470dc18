import BenchKit
import NIOCore
import NIOHTTP1

/// ByteBuffer and HTTPHeaders work with short strings and integers, on one thread.
enum BufferWork {
    static func register(_ suite: Suite) {
        suite.benchmark("bytebuffer/strings-and-integers", configuration: NIOBenchmarks.configuration) { b in
            let allocator = ByteBufferAllocator()
            let count = identity(64)
            let page = try SpelledPage()
            for _ in b.loop {
                blackHole(try writeAndRead(count, allocator: allocator))
            }
            try page.check()
        }
        suite.benchmark("http1/headers", configuration: NIOBenchmarks.configuration) { b in
            let count = identity(ShortValues.all.count)
            let page = try SpelledPage()
            for _ in b.loop {
                blackHole(try headers(count))
            }
            try page.check()
        }
    }

    /// Writes `count` length-prefixed short strings and integers, reads them back and checks them.
    static func writeAndRead(_ count: Int, allocator: ByteBufferAllocator) throws -> Int {
        var buffer = allocator.buffer(capacity: 64)
        for i in 0..<count {
            let value = ShortValues.at(i)
            buffer.writeInteger(UInt8(value.utf8.count))
            buffer.writeString(value)
            buffer.writeInteger(UInt32(i), endianness: .little)
            buffer.writeString(String(i))
        }
        var sum = 0
        for i in 0..<count {
            guard let length = buffer.readInteger(as: UInt8.self), let value = buffer.readString(length: Int(length)),
                  value == ShortValues.at(i), let number = buffer.readInteger(endianness: .little, as: UInt32.self),
                  Int(number) == i, let text = buffer.readString(length: String(i).utf8.count), text == String(i)
            else { throw Mismatch(what: "buffer contents at entry \(i)") }
            sum &+= value.utf8.count &+ Int(number)
        }
        return sum
    }

    /// Builds headers of `count` short values, looks them up, replaces and removes some.
    static func headers(_ count: Int) throws -> Int {
        var headers = HTTPHeaders()
        for i in 0..<count { headers.add(name: "x-h\(i % 8)", value: ShortValues.at(i)) }
        headers.replaceOrAdd(name: "cache-control", value: "no-cache")
        headers.remove(name: "x-h7")
        var found = 0
        for i in 0..<8 { found += headers["x-h\(i)"].count }
        for (name, value) in headers { found &+= name.utf8.count &+ value.utf8.count }
        guard headers["cache-control"].first == "no-cache", headers.contains(name: "x-h0") else {
            throw Mismatch(what: "headers \(headers)")
        }
        return found
    }
}
