import GateCore

extension SettledRuns {
    /// The settled rounds of one statistical test of `memgate bisect`: looks at `level` (the
    /// first at `level`/2, later ones at `level`/8, `SequentialLooks`), `rounds` at the first
    /// look, at most `maxRounds` per comparison in all, no time limit; for a step (`target`
    /// given), a comparison pair that decides nothing is looked at again (`NoisyStep.reopen`).
    package static func bisectTest(
        level: Double, rounds: Int, maxRounds: Int, names: (baseline: String, current: String), step target: BisectTarget? = nil
    ) -> SettledRuns {
        var settled = SettledRuns(looks: SequentialLooks(alpha: level, settling: true), rounds: rounds, maxSeconds: .infinity,
                                  baselineName: names.baseline, currentName: names.current)
        settled.maxRounds = maxRounds
        if let target { settled.reopen = { NoisyStep.reopen($0, target: target) } }
        return settled
    }
}
