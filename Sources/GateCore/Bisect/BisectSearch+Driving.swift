extension BisectSearch {
    /// Why `drive` stopped.
    package enum Stop: Sendable, Equatable {
        /// The search is over: found, or only skipped commits left in the range.
        case over
        /// The commit at this position was undecided (noisy metrics): the bisection is unsure.
        case undecided(position: Int)
        /// The statistical tests `BisectLevels` allows are made and the search is not over.
        case budgetSpent
    }

    /// The search over `count` commits, driven to its end: asks `test` for each commit
    /// `next` names, records its mark, and stops when the search is over, when a commit is
    /// undecided, or (with `levels`, noisy metrics) before a test beyond `levels.steps`. A
    /// test counts when it decided its commit from rounds (`Step.rounds` set, good or bad);
    /// a skipped commit makes no test that could err.
    ///
    ///     let run = try BisectSearch.drive(count: 16, levels: nil) { position in
    ///         BisectResult.Step(position: position, verdict: position >= 11 ? .bad : .good)
    ///     }
    ///     run.search.firstBad   // 11, after run.steps positions 8, 12, 10, 11
    ///
    /// - Returns: the search as it ended, the steps in test order, and why it stopped.
    /// - Throws: what `test` throws.
    package static func drive(
        count: Int, levels: BisectLevels?, test: (Int) throws -> BisectResult.Step
    ) rethrows -> (search: BisectSearch, steps: [BisectResult.Step], stop: Stop) {
        var search = BisectSearch(count: count)
        var steps: [BisectResult.Step] = []
        var tests = 0
        while let position = search.next {
            if let levels, tests >= levels.steps { return (search, steps, .budgetSpent) }
            let step = try test(position)
            steps.append(step)
            guard let mark = step.verdict.mark else { return (search, steps, .undecided(position: position)) }
            if step.rounds != nil && mark != .skipped { tests += 1 }
            search.record(position, mark)
        }
        return (search, steps, .over)
    }
}
