import BenchResults

extension BisectResult {
    /// Writes the result as JSON (`"format": "memgate-bisect"`, schema 1): the outcome, the exit
    /// code and the summary line; GOOD and BAD (ref and commit); the target (benchmark,
    /// metric, exact, unit, threshold, the ends' values) and the other regressed metrics; the
    /// builds and the error control; the first bad commit and its parent (or, unsure, the
    /// range's ends and its candidates), the metric before and after; every step; and
    /// `change`, the first bad commit's benchmark as the verdict JSON writes it (its exact rows
    /// and `sites`/`retainSites`). Absent values are `null`. Laid out by `JSONWriter`, one step
    /// and one metric row per line.
    package func writeJSON(to out: inout some TextOutputStream) {
        var text = ""
        JSONWriter(style: .readable(expanding: ["steps", "change", "metrics", "candidates"])).write(.object(jsonMembers), to: &text)
        out.write(text + "\n")
    }

    private var jsonMembers: [(key: String, value: JSONValue)] {
        let found = outcome == .found
        return [
            ("format", .string("memgate-bisect")), ("schema", .number(1)), ("outcome", .string(outcome.rawValue)),
            ("exitCode", JSONValue(Int(exitCode.rawValue))), ("summary", .string(summaryLine)), ("reason", .string(reason)),
            ("good", .object([("ref", .string(good)), ("commit", Self.json(line[0]))])),
            ("bad", .object([("ref", .string(bad)), ("commit", Self.json(line[commitCount]))])),
            ("line", .string("first-parent")), ("commits", JSONValue(commitCount)),
            ("target", target.map(Self.json) ?? .null), ("alsoRegressed", .array(alsoRegressed.map(JSONValue.string))),
            ("builds", JSONValue(builds)), ("errorControl", levels.map(Self.json) ?? .null),
            ("firstBad", found ? Self.json(line[firstBad]) : .null), ("lastGood", found ? Self.json(line[lastGood]) : .null),
            ("before", found ? JSONValue(value(at: lastGood)) : .null), ("after", found ? JSONValue(value(at: firstBad)) : .null),
            ("candidates", outcome == .unsure && target != nil ? .array(candidates.map(Self.json)) : .null),
            ("steps", .array(steps.map { step in
                .object([
                    ("position", JSONValue(step.position)), ("commit", .string(line[step.position].hash)),
                    ("verdict", .string(step.verdict.word)), ("value", JSONValue(step.value)),
                    ("rounds", step.rounds.map { JSONValue($0) } ?? .null), ("reason", .string(step.verdict.reason)),
                ])
            })),
            ("change", change.flatMap { $0.report.benchmarks.first }.map(Report.jsonValue) ?? .null),
        ]
    }

    private static func json(_ commit: BisectCommit) -> JSONValue {
        .object([("hash", .string(commit.hash)), ("subject", .string(commit.subject)), ("authorDate", .string(commit.authorDate))])
    }

    private static func json(_ target: BisectTarget) -> JSONValue {
        .object([
            ("benchmark", .string(target.benchmark)), ("metric", .string(target.metric)), ("exact", .bool(target.exact)),
            ("unit", .string(target.ends.unit.text)), ("threshold", .string(target.ends.threshold.text)),
            ("good", JSONValue(target.ends.baseline)), ("bad", JSONValue(target.ends.current)),
        ])
    }

    private static func json(_ levels: BisectLevels) -> JSONValue {
        .object([
            ("alpha", JSONValue(levels.alpha)), ("tests", JSONValue(levels.steps + 1)), ("level", JSONValue(levels.level)),
            ("statement", .string(levels.statement)),
        ])
    }
}
