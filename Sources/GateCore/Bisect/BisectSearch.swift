/// The search of `memgate bisect` over a line of commits: which commit to test next, and
/// what the marks so far say.
///
///     var search = BisectSearch(count: 16)   // positions 0 (GOOD, good) ... 16 (BAD, bad)
///     search.next                            // 8
///     search.record(8, .good)
///     search.next                            // 12
///     // ... until `next` is nil; then `isFound` and `firstBad`, or the range left
///
/// Position 0 is GOOD and position `count` is BAD, the ends already verified; positions
/// 1 ... `count` are the commits after GOOD up to BAD. The search assumes one change between
/// the ends (every commit before the first bad one is good, every commit from it on is bad),
/// as `git bisect` does, and keeps the narrowest range that the marks allow:
/// `lastGood` is the highest good position below `firstBad`, the lowest bad one.
///
/// `next` is the untested, unskipped position inside that range closest to its middle
/// (`(lastGood + firstBad) / 2`, the lower one on a tie): without skipped commits this is
/// plain bisection, at most `maxSteps(count:)` = ceil(log2(count)) tests. A skipped commit
/// (it did not build, its benchmark crashed or went missing) is never counted good or bad:
/// the search tests its neighbours instead, and when only skipped commits are left inside
/// the range, the range is the answer (`isFound` is false).
///
/// Pure: no process work.
package struct BisectSearch: Sendable, Equatable {
    /// What a tested commit turned out to be.
    package enum Mark: String, Sendable, Equatable {
        /// The metric has not moved past its threshold here.
        case good
        /// The metric has moved past its threshold here.
        case bad
        /// Could not be tested; neither good nor bad.
        case skipped
    }

    /// The commits after GOOD up to and including BAD.
    package let count: Int
    /// The mark of every position tested so far, the ends included.
    package private(set) var marks: [Int: Mark]

    /// A search over `count` commits (at least 1), with GOOD (0) good and BAD (`count`) bad.
    ///
    /// Traps if `count` is less than 1.
    package init(count: Int) {
        precondition(count >= 1, "BisectSearch: no commit between the ends")
        self.count = count
        marks = [0: .good, count: .bad]
    }

    /// The lowest position marked bad.
    package var firstBad: Int { marks.filter { $0.value == .bad }.keys.min()! }

    /// The highest position marked good below `firstBad`.
    package var lastGood: Int {
        let bad = firstBad
        return marks.filter { $0.value == .good && $0.key < bad }.keys.max()!
    }

    /// Whether the range is one commit wide: `firstBad` is the first bad commit.
    package var isFound: Bool { firstBad - lastGood == 1 }

    /// The skipped positions inside the range, in order.
    package var skippedInRange: [Int] {
        (lastGood + 1..<firstBad).filter { marks[$0] == .skipped }
    }

    /// The position to test next, or nil when the search is over.
    package var next: Int? {
        let low = lastGood, high = firstBad
        let middle = (low + high) / 2
        let open = (low + 1..<high).filter { marks[$0] == nil }
        return open.min { a, b in
            abs(a - middle) != abs(b - middle) ? abs(a - middle) < abs(b - middle) : a < b
        }
    }

    /// Records what the commit at `position` turned out to be.
    ///
    /// Traps if `position` is an end or was recorded before.
    package mutating func record(_ position: Int, _ mark: Mark) {
        precondition(position > 0 && position < count && marks[position] == nil, "BisectSearch: position \(position) cannot be marked")
        marks[position] = mark
    }

    /// The most tests plain bisection of `count` commits needs: ceil(log2(count)), 0 for one commit.
    package static func maxSteps(count: Int) -> Int {
        var steps = 0, span = 1
        while span < count {
            span *= 2
            steps += 1
        }
        return steps
    }
}
