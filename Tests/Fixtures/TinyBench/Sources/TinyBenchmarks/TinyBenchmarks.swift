import BenchKit

/// Two small workloads with known allocation counts. Tests edit the marked constants.
@main
enum TinyBenchmarks: BenchmarkSuite {
    static let blocksPerOp = 2  // EDIT: allocations per op of "blocks"
    static let spinRounds = 20_000  // EDIT: work per op of "spin"

    static func register(_ suite: Suite) {
        suite.benchmark("blocks") { b in
            for _ in b.loop {
                for _ in 0..<blocksPerOp {
                    let block = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
                    blackHole(block)
                    block.deallocate()
                }
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
