import BenchResults

extension SeriesChanges {
    /// The series' change points for `history show --changes --format json`:
    /// `{"method": "rank", "shifts": [shift, ...]}` (`jsonValue(_:)` of each shift).
    package var changesJSON: JSONValue {
        .object([("method", .string(method.rawValue)), ("shifts", .array(shifts.map(jsonValue)))])
    }

    /// A shift: `direction` (`up`/`down`), `worse`, the levels `from` and `to` in the series'
    /// unit, `change` (to / from - 1, null from 0), `lastRunBefore` and `firstRunAfter` (run
    /// numbers: lines of the history file) and their commits `fromCommit` and `toCommit` (the
    /// range `fromCommit..toCommit`), `pValue` (null: exact), and its `steps`.
    package func jsonValue(_ shift: Shift) -> JSONValue {
        .object([
            ("direction", .string(shift.rises ? "up" : "down")), ("worse", .bool(shift.isWorse(better: better))),
            ("from", JSONValue(shift.from)), ("to", JSONValue(shift.to)), ("change", JSONValue(shift.relativeChange)),
            ("unit", .string(unit.text)),
            ("lastRunBefore", JSONValue(runNumber(shift.lastBefore))), ("firstRunAfter", JSONValue(runNumber(shift.firstAfter))),
            ("fromCommit", .string(points[shift.lastBefore].commit)), ("toCommit", .string(points[shift.firstAfter].commit)),
            ("pValue", JSONValue(shift.pValue)), ("steps", .array(shift.steps.map(jsonValue))),
        ])
    }

    /// A step: `run` (the run number of the first run at the new level) and its `commit`, the
    /// levels `before` and `after`, `change`, `pValue` (null: exact).
    package func jsonValue(_ step: ChangeStep) -> JSONValue {
        .object([
            ("run", JSONValue(runNumber(step.index))), ("commit", .string(points[step.index].commit)),
            ("before", JSONValue(step.before)), ("after", JSONValue(step.after)), ("change", JSONValue(step.relativeChange)),
            ("pValue", JSONValue(step.pValue)),
        ])
    }
}
