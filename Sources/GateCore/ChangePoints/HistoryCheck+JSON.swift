import BenchResults

extension HistoryCheck {
    /// The `--format json` document, written by `JSONWriter` in its `.pretty` style:
    /// `format` (`memgate-history-check`), `file`, `runs`, `alpha`, `exitCode`, `checked`,
    /// `notGated`, `findings` (per finding: `benchmark`, `metric`, `method`, `regressed`,
    /// `threshold`, `unit`, `levelAtUpdate`, `levelNow`, `change`, `updateRun`,
    /// `lastRunBefore`, `firstRunAfter`, `fromCommit`, `toCommit`, `pValue`, `adjustedPValue`,
    /// `steps`) and `unchecked` (`benchmark`, `metric`, `runsSinceUpdate`, `needed`).
    package func json(name: String) -> String {
        let document = JSONValue.object([
            ("format", .string("memgate-history-check")), ("file", .string(name)), ("runs", JSONValue(runCount)),
            ("alpha", JSONValue(alpha)), ("exitCode", JSONValue(Int(exitCode.rawValue))), ("checked", JSONValue(checked)),
            ("notGated", JSONValue(notGated)), ("findings", .array(findings.map(Self.jsonValue))),
            ("unchecked", .array(unchecked.map { series in
                .object([("benchmark", .string(series.benchmark)), ("metric", .string(series.metric)),
                         ("runsSinceUpdate", JSONValue(series.runsSinceUpdate)), ("needed", JSONValue(series.needed))])
            })),
        ])
        return document.written(.pretty) + "\n"
    }

    private static func jsonValue(_ finding: Finding) -> JSONValue {
        let series = finding.series, span = finding.span
        return .object([
            ("benchmark", .string(series.benchmark)), ("metric", .string(series.metric)), ("method", .string(series.method.rawValue)),
            ("regressed", .bool(finding.regressed)), ("threshold", .string(finding.threshold.text)), ("unit", .string(series.unit.text)),
            ("levelAtUpdate", JSONValue(finding.levelAtUpdate)), ("levelNow", JSONValue(finding.levelNow)),
            ("change", JSONValue(finding.relativeChange)), ("updateRun", JSONValue(series.runNumber(finding.update))),
            ("lastRunBefore", JSONValue(series.runNumber(span.lastBefore))),
            ("firstRunAfter", JSONValue(series.runNumber(span.firstAfter))),
            ("fromCommit", .string(series.points[span.lastBefore].commit)), ("toCommit", .string(series.points[span.firstAfter].commit)),
            ("pValue", JSONValue(finding.pValue)), ("adjustedPValue", JSONValue(finding.adjustedPValue)),
            ("steps", .array(finding.worsening.map(series.jsonValue))),
        ])
    }
}
