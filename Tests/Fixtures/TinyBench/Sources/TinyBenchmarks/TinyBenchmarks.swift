import BenchKit

/// Two small workloads with known allocation counts. Tests edit the marked constants.
@main
enum TinyBenchmarks: BenchmarkSuite {
    static let blocksPerOp = 2  // EDIT: allocations per op of "blocks"
    static let spinRounds = 20_000  // EDIT: work per op of "spin"

    static func register(_ suite: Suite) {
        suite.benchmark("blocks") { b in
            for _ in b.loop {
                Blocks.make(blocksPerOp)
                // EDIT: a call added here allocates at a new site
            }
        }
        suite.benchmark("spin") { b in
            let rounds = identity(spinRounds)
            for _ in b.loop {
                var x: UInt64 = 1
                for i in 0..<rounds { x = x &* 6364136223846793005 &+ UInt64(i) }
                blackHole(x)
            }
        }
    }
}

/// The allocations of "blocks", in functions of their own so that their sites have names.
enum Blocks {
    /// `count` blocks of 64 bytes.
    @inline(never)
    static func make(_ count: Int) {
        for _ in 0..<count { allocateOne(bytes: 64) }
    }

    /// One block of 32 bytes: the new site a test adds a call to.
    @inline(never)
    static func flush() {
        allocateOne(bytes: 32)
    }

    @inline(__always)
    static func allocateOne(bytes: Int) {
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
        blackHole(block)
        block.deallocate()
    }
}
