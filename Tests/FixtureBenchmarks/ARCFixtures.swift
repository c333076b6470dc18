import BenchKit

/// An empty class: each instance is one Swift object (one `swift_allocObject`, one malloc).
final class Node {}

/// Workloads whose reference-counting traffic is known from first principles, in a
/// release build (what each one does per op, and why, is in `ARCCountTests`).
extension FixtureBenchmarks {
    /// References the copy fixture stores per op; the doubled fixture stores twice as many.
    static let copiesPerOp = 3

    static func registerARC(_ suite: Suite) {
        for copies in [copiesPerOp, 2 * copiesPerOp] {
            suite.benchmark("arc/copies=\(copies)") { b in
                let node = Node()
                var slots = [Node](repeating: node, count: copies)
                for _ in b.loop {
                    for index in 0..<copies { slots[index] = node }
                }
                blackHole(slots)
            }
        }
        suite.benchmark("arc/objects=\(copiesPerOp)") { b in
            var slots = [Node](repeating: Node(), count: copiesPerOp)
            for _ in b.loop {
                for index in 0..<copiesPerOp { slots[index] = Node() }
            }
            blackHole(slots)
        }
        suite.benchmark("arc/off", configuration: .init(countsARC: false)) { b in
            let node = Node()
            var slots = [node]
            for _ in b.loop { slots[0] = node }
            blackHole(slots)
        }
    }
}
