import Dispatch

/// Runs two independent jobs at the same time and returns both results.
///
///     let (base, head) = try BothAtOnce.run({ try build(.base) }, { try build(.head) })
///
/// Both jobs always run to their end, so nothing either started is left running when this
/// returns or throws. When both fail, the first job's error is thrown, so messages are
/// deterministic. The jobs must not share unsynchronised state: each runs on its own thread.
package enum BothAtOnce {
    /// Runs `first` and `second` concurrently and returns `(first(), second())`.
    package static func run<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B) {
        try withoutActuallyEscaping(first) { first in
            try withoutActuallyEscaping(second) { second in
                let slots = Slots<A, B>(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in slots.run(index) }
                return try slots.results()
            }
        }
    }
}

/// The two jobs of `BothAtOnce.run` and their results. Each result is written by one thread
/// only, and read only after `concurrentPerform` has returned, which happens after both
/// iterations ended: no lock is needed (and the module needs no Foundation).
private final class Slots<A, B>: @unchecked Sendable {
    private let first: () throws -> A, second: () throws -> B
    private var a: Result<A, any Error>?, b: Result<B, any Error>?

    init(first: @escaping () throws -> A, second: @escaping () throws -> B) {
        self.first = first
        self.second = second
    }

    func run(_ index: Int) {
        if index == 0 {
            a = Result { try first() }
        } else {
            b = Result { try second() }
        }
    }

    func results() throws -> (A, B) {
        (try a!.get(), try b!.get())
    }
}
