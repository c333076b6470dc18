/// The order in which `memgate refs` runs benchmarks: alternating rounds, so both sides
/// meet the same machine noise.
///
///     let steps = RoundSchedule.steps(rounds: 2, base: ["a", "b"], head: ["a", "c"])
///     // round 1: a base, a head, b base, c head
///     // round 2: a head, a base, b base, c head
///
/// Round `r` (0-based) runs the sides in the order `order(round:)` gives: base then head
/// in even rounds, head then base in odd ones (A B, B A, A B, ...), so over an even number
/// of rounds each side goes first equally often. Within a round, benchmarks run one after
/// the other and, for each benchmark, both sides back to back: the two measurements of a
/// benchmark are as close in time as they can be. A benchmark present on one side only
/// runs on that side alone.
///
/// Pure: no process work.
package enum RoundSchedule {
    /// Rounds `memgate refs` and `memgate calibrate` run when neither `--rounds` nor the
    /// config's `"rounds"` says otherwise.
    package static let defaultRounds = 10

    /// One benchmark run: a fresh process of one side's executable, for one benchmark.
    package struct Step: Equatable, Sendable {
        /// The round, 0-based.
        package var round: Int
        /// Which side runs.
        package var side: RefsSide
        /// The benchmark's name.
        package var benchmark: String
    }

    /// The sides of round `round` (0-based) in running order: `[.base, .head]` for even
    /// rounds, `[.head, .base]` for odd ones.
    package static func order(round: Int) -> [RefsSide] {
        round.isMultiple(of: 2) ? [.base, .head] : [.head, .base]
    }

    /// The benchmark names of both sides, each once: `base`'s in its order, then the ones
    /// only `head` has, in `head`'s order.
    package static func union(base: [String], head: [String]) -> [String] {
        var seen = Set<String>()
        return (base + head).filter { seen.insert($0).inserted }
    }

    /// Every step of `rounds` rounds, in running order, numbered from `firstRound` (the
    /// rounds of a later look continue the alternation of the earlier ones).
    ///
    /// - Parameters:
    ///   - rounds: how many rounds; 0 or fewer gives no steps.
    ///   - firstRound: the number (0-based) of the first of them.
    ///   - base: the benchmark names the base side has, in its order.
    ///   - head: the benchmark names the head side has, in its order.
    /// - Returns: `rounds` × (one step per side that has a benchmark, for every benchmark
    ///   of `union(base:head:)`).
    package static func steps(rounds: Int, firstRound: Int = 0, base: [String], head: [String]) -> [Step] {
        let names = union(base: base, head: head)
        let has: [RefsSide: Set<String>] = [.base: Set(base), .head: Set(head)]
        var steps: [Step] = []
        for round in firstRound..<(firstRound + max(rounds, 0)) {
            for name in names {
                for side in order(round: round) where has[side]!.contains(name) {
                    steps.append(Step(round: round, side: side, benchmark: name))
                }
            }
        }
        return steps
    }
}
