import BenchResults

extension Report {
    /// Writes the machine-readable verdict (`"format": "memgate-verdict"`, schema 1):
    /// outcome, exit code under `policy`, counts, and every benchmark and row, with names
    /// escaped as JSON strings. Absent numbers are `null`. Laid out by `JSONWriter`: one
    /// top-level key per line, one benchmark per line, one metric row per line.
    package func writeJSON(to out: inout some TextOutputStream, policy: InconclusivePolicy = .report) {
        var text = ""
        // One benchmark's tree at a time: at 10,000 benchmarks the whole tree held 160 MB more.
        let benchmarks = AnyCollection(self.benchmarks.lazy.map(Self.jsonValue))
        JSONWriter(style: .readable(expanding: ["benchmarks", "metrics"]))
            .writeObject(jsonMembers(policy: policy), streaming: "benchmarks", elements: benchmarks, to: &text)
        text += "\n"
        out.write(text)
    }

    /// The verdict's members, in the order the document lists them; the last, `benchmarks`,
    /// holds an empty array that `writeJSON` streams the benchmarks into.
    private func jsonMembers(policy: InconclusivePolicy) -> [(key: String, value: JSONValue)] {
        let c = counts
        let counts: [(String, Int)] = [
            ("regressions", c.regressions), ("inconclusive", c.inconclusive), ("improvements", c.improvements),
            ("passed", c.passed), ("reported", c.reported), ("missingMetrics", c.missing), ("failedBenchmarks", c.failedBenchmarks),
            ("addedBenchmarks", c.addedBenchmarks), ("removedBenchmarks", c.removedBenchmarks), ("baselineFailed", c.baselineFailed),
            ("compared", c.compared), ("unstable", c.unstable), ("tooFewSamples", c.tooFewSamples),
        ]
        return [
            ("format", .string("memgate-verdict")), ("schema", .number(1)), ("mode", .string(mode.rawValue)),
            ("outcome", .string(outcomeWord(regression: "regression", inconclusive: "inconclusive", pass: "pass"))),
            ("exitCode", JSONValue(Int(exitCode(policy: policy).rawValue))),
            ("summary", .string(summaryLine)), ("baseline", .string(baselineName)), ("current", .string(currentName)),
            ("noisyGated", .bool(noisyGated)), ("noisyNotGatedReason", noisyNotGatedReason.map(JSONValue.string) ?? .null),
            ("warnings", .array(warnings.map(JSONValue.string))), ("debugBuilds", .array(debugBuilds.map(JSONValue.string))),
            ("alpha", JSONValue(alpha)), ("familySize", JSONValue(familySize)), ("allowMissing", .bool(allowMissing)),
            ("counts", .object(counts.map { ($0.0, JSONValue($0.1)) })),
            ("benchmarks", .array([])),
        ]
    }

    static func jsonValue(_ benchmark: BenchmarkComparison) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(benchmark.name)), ("presence", .string(benchmark.presence.rawValue)),
            ("status", .string(benchmark.status.rawValue)),
        ]
        if let message = benchmark.message { members.append(("message", .string(message))) }
        members.append(("metrics", .array(benchmark.metrics.map(jsonValue))))
        for (key, diff) in [("sites", benchmark.sites), ("retainSites", benchmark.retainSites)] {
            guard let diff else { continue }
            members.append((key, json(diff, by: SiteDiff.measure(for: benchmark.regressedRows(explainedBy: diff.event)))))
        }
        return .object(members)
    }

    /// A site diff as one JSON object: every change with both sides' values and its kind
    /// classified by `measure` (as the text report lists it), the unattributed parts and the
    /// passes' totals.
    static func json(_ diff: SiteDiff, by measure: SiteDiff.Measure = .allocations) -> JSONValue {
        func pair(_ value: (allocations: Double, bytes: Double)) -> JSONValue {
            .object([("allocationsPerOp", JSONValue(value.allocations)), ("bytesPerOp", JSONValue(value.bytes))])
        }
        let changes = diff.changes.map { change in
            var members: [(key: String, value: JSONValue)] = [
                ("key", .string(change.key)), ("kind", .string(change.kind(by: measure).rawValue)),
                ("frames", .array(change.frames.map(JSONValue.string))), ("via", change.via.map(JSONValue.string) ?? .null),
                ("baseline", pair((change.baselineAllocations, change.baselineBytes))),
                ("current", pair((change.currentAllocations, change.currentBytes))),
            ]
            if let locations = change.locations { members.insert(("locations", .array(locations.map(json))), at: 3) }
            return JSONValue.object(members)
        }
        return .object([
            ("baselineTotal", pair(diff.baselineTotal)), ("currentTotal", pair(diff.currentTotal)),
            ("baselineUnattributed", pair(diff.baselineUnattributed)), ("currentUnattributed", pair(diff.currentUnattributed)),
            ("changes", .array(changes)),
        ])
    }

    /// A frame's location as the results file writes it: `{"file", "line", "column"}`, or `null`.
    private static func json(_ location: FrameLocation?) -> JSONValue {
        guard let location else { return .null }
        var members: [(key: String, value: JSONValue)] = [("file", .string(location.file)), ("line", JSONValue(location.line))]
        if let column = location.column { members.append(("column", JSONValue(column))) }
        return .object(members)
    }

    private static func jsonValue(_ row: MetricComparison) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("metric", .string(row.metric)), ("unit", .string(row.unit.text)), ("better", .string(row.better.rawValue)),
            ("exact", .bool(row.exact)), ("baseline", JSONValue(row.baseline)), ("current", JSONValue(row.current)),
            ("change", JSONValue(row.change)), ("plusMinus", JSONValue(row.plusMinus)), ("pValue", JSONValue(row.pValue)),
            ("threshold", .string(row.threshold.text)), ("verdict", .string(row.verdict.rawValue)),
            ("samples", .array([JSONValue(row.sampleCounts.baseline), JSONValue(row.sampleCounts.current)])),
            ("unstable", .bool(row.unstable)),
        ]
        if row.tooFewSamples { members.append(("tooFewSamples", .bool(true))) }
        if let needed = row.samplesNeeded { members.append(("samplesNeeded", JSONValue(needed))) }
        if !row.note.isEmpty { members.append(("note", .string(row.note))) }
        return .object(members)
    }
}
