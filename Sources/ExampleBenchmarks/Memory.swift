import BenchKit

/// A workload whose peak memory is about 100 MiB: allocate, touch every page, free.
enum Memory {
    static func register(_ suite: Suite) {
        let bytes = 100 << 20
        suite.benchmark("memory/touch-100MiB", configuration: .init(samples: 5, throughput: .bytes(bytes))) { b in
            let size = identity(bytes)
            for _ in b.loop {
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
                var offset = 0
                while offset < size {
                    buffer.storeBytes(of: UInt8(truncatingIfNeeded: offset), toByteOffset: offset, as: UInt8.self)
                    offset += 4096
                }
                blackHole(buffer.load(fromByteOffset: size - 4096, as: UInt8.self))
                buffer.deallocate()
            }
        }
    }
}
