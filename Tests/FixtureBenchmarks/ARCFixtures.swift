import BenchKit
#if canImport(Glibc)
import Glibc
#endif

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
        suite.benchmark("arc/other-path") { b in
            // One node per op, and one more while the runtime's hooks are on: the
            // reference-counting pass takes another path than the samples, so its counts are
            // not the samples' and must be left out (`ARCPassPathTests`).
            let hooksOn = swiftHooksFlag()
            var slots = [Node(), Node()]
            for _ in b.loop {
                slots[0] = Node()
                if let hooksOn, isSet(hooksOn) { slots[1] = Node() }
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

/// The Swift runtime's flag that routes allocations and reference counting through its hooks
/// (set only while BenchKit's reference-counting and retain-site passes run).
func swiftHooksFlag() -> UnsafePointer<Bool>? {
    #if canImport(Glibc)
    guard let symbol = dlsym(nil, "_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly")
    else { return nil }
    return UnsafePointer(symbol.assumingMemoryBound(to: Bool.self))
    #else
    return nil
    #endif
}

/// Reads the flag anew on every call (never hoisted out of the loop).
@inline(never)
func isSet(_ flag: UnsafePointer<Bool>) -> Bool { flag.pointee }
