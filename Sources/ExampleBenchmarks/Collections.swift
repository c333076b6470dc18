import BenchKit

/// Arrays, dictionaries and sorting.
enum Collections {
    static func register(_ suite: Suite) {
        let count = 1_000
        // Growth by doubling: a handful of reallocations per op.
        suite.benchmark("array/append/n=\(count)", configuration: .init(throughput: .items(count))) { b in
            let n = identity(count)
            for _ in b.loop {
                var numbers: [Int] = []
                for i in 0..<n { numbers.append(i) }
                blackHole(numbers)
            }
        }
        // The same with reserveCapacity: exactly one allocation per op.
        suite.benchmark("array/append-reserved/n=\(count)", configuration: .init(throughput: .items(count))) { b in
            let n = identity(count)
            for _ in b.loop {
                var numbers: [Int] = []
                numbers.reserveCapacity(n)
                for i in 0..<n { numbers.append(i) }
                blackHole(numbers)
            }
        }
        suite.benchmark("dictionary/build/n=\(count)") { b in
            let n = identity(count)
            for _ in b.loop {
                var table: [Int: Int] = [:]
                for i in 0..<n { table[i &* 7919] = i }
                blackHole(table)
            }
        }
        suite.benchmark("dictionary/lookup/n=\(count)") { b in
            let table = Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, $0 &* 3) })  // setup
            let key = identity(count / 2)
            for _ in b.loop {
                blackHole(table[key])
            }
        }
        for n in [100, 10_000] {
            suite.benchmark("sort/n=\(n)", configuration: .init(throughput: .items(n))) { b in
                var generator = SplitMix(seed: 42)
                let input = (0..<n).map { _ in Int(truncatingIfNeeded: generator.next()) }  // setup
                for _ in b.loop {
                    blackHole(input.sorted())
                }
            }
        }
    }
}

/// A tiny deterministic generator so inputs are the same every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
