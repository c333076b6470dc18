/// A shift of a series' level: one change point, or several in a row that go the same way,
/// reported as one (a gradual shift: creep of +1% a commit shows as a few steps up).
///
///     let shifts = Shift.grouping(steps)
///     shifts[0].relativeChange   // 0.22: the level after the last step over the level before the first
///     shifts[0].lastBefore       // the last run at the old level
///     shifts[0].firstAfter       // the first run at the final level
///
/// The commits that can have caused it are those after `lastBefore`'s commit up to and
/// including `firstAfter`'s (`git log A..B`): for one step, the two runs between which the
/// level moved; for a gradual shift, the span over which it moved. A location estimated from
/// noisy runs is an estimate; an exact metric's is exact.
package struct Shift: Sendable, Equatable {
    /// The change points, oldest first, all in one direction, never empty.
    package var steps: [ChangeStep]

    /// The level before the first step.
    package var from: Double { steps[0].before }
    /// The level after the last step.
    package var to: Double { steps[steps.count - 1].after }
    /// Whether the level rose.
    package var rises: Bool { steps[0].rises }
    /// The index of the last run at the level before.
    package var lastBefore: Int { steps[0].index - 1 }
    /// The index of the first run at the level after.
    package var firstAfter: Int { steps[steps.count - 1].index }
    /// The relative change, to / from - 1; nil when `from` is 0.
    package var relativeChange: Double? { from == 0 ? nil : to / from - 1 }
    /// The strongest evidence among the steps (the smallest p-value), nil for exact changes.
    package var pValue: Double? { steps.compactMap(\.pValue).min() }

    /// Whether the shift goes the worse way for a metric where `better` is better.
    package func isWorse(better: MetricDirection) -> Bool { steps[0].isWorse(better: better) }

    /// `steps` (oldest first) grouped into shifts: each maximal run of consecutive steps in
    /// one direction is one shift.
    package static func grouping(_ steps: [ChangeStep]) -> [Shift] {
        var shifts: [Shift] = []
        for step in steps {
            if let last = shifts.last, last.rises == step.rises {
                shifts[shifts.count - 1].steps.append(step)
            } else {
                shifts.append(Shift(steps: [step]))
            }
        }
        return shifts
    }
}
