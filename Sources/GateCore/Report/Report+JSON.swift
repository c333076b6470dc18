extension Report {
    /// Writes the machine-readable verdict (`"format": "memgate-verdict"`, schema 1):
    /// outcome, exit code under `policy`, counts, and every benchmark and row, with names
    /// escaped as JSON strings. Absent numbers are `null`.
    package func writeJSON(to out: inout some TextOutputStream, policy: InconclusivePolicy = .report) {
        let c = counts
        let outcomeName = outcomeWord(regression: "regression", inconclusive: "inconclusive", pass: "pass")
        out.write("{\n")
        out.write("  \"format\": \"memgate-verdict\",\n  \"schema\": 1,\n")
        out.write("  \"mode\": \"\(mode.rawValue)\",\n")
        out.write("  \"outcome\": \"\(outcomeName)\",\n")
        out.write("  \"exitCode\": \(exitCode(policy: policy).rawValue),\n")
        out.write("  \"summary\": \(Escape.json(summaryLine)),\n")
        out.write("  \"baseline\": \(Escape.json(baselineName)),\n")
        out.write("  \"current\": \(Escape.json(currentName)),\n")
        out.write("  \"noisyGated\": \(noisyGated),\n")
        out.write("  \"noisyNotGatedReason\": \(noisyNotGatedReason.map(Escape.json) ?? "null"),\n")
        out.write("  \"warnings\": [\(warnings.map(Escape.json).joined(separator: ", "))],\n")
        out.write("  \"debugBuilds\": [\(debugBuilds.map(Escape.json).joined(separator: ", "))],\n")
        out.write("  \"alpha\": \(MetricFormat.json(alpha)),\n")
        out.write("  \"familySize\": \(familySize),\n")
        out.write("  \"allowMissing\": \(allowMissing),\n")
        out.write("  \"counts\": {\"regressions\": \(c.regressions), \"inconclusive\": \(c.inconclusive), "
            + "\"improvements\": \(c.improvements), \"passed\": \(c.passed), \"reported\": \(c.reported), "
            + "\"missingMetrics\": \(c.missing), \"failedBenchmarks\": \(c.failedBenchmarks), "
            + "\"addedBenchmarks\": \(c.addedBenchmarks), \"removedBenchmarks\": \(c.removedBenchmarks), "
            + "\"baselineFailed\": \(c.baselineFailed), \"compared\": \(c.compared), \"unstable\": \(c.unstable), "
            + "\"tooFewSamples\": \(c.tooFewSamples)},\n")
        out.write("  \"benchmarks\": [")
        for (index, benchmark) in benchmarks.enumerated() {
            out.write(index == 0 ? "\n" : ",\n")
            out.write("    {\"name\": \(Escape.json(benchmark.name)), \"presence\": \"\(benchmark.presence.rawValue)\", "
                + "\"status\": \"\(benchmark.status.rawValue)\"")
            if let message = benchmark.message { out.write(", \"message\": \(Escape.json(message))") }
            out.write(", \"metrics\": [")
            for (rowIndex, row) in benchmark.metrics.enumerated() {
                out.write(rowIndex == 0 ? "\n" : ",\n")
                out.write("      ")
                writeJSONRow(row, to: &out)
            }
            out.write(benchmark.metrics.isEmpty ? "]" : "\n    ]")
            for (key, diff) in [("sites", benchmark.sites), ("retainSites", benchmark.retainSites)] {
                guard let diff else { continue }
                let measure = SiteDiff.measure(for: benchmark.regressedRows(explainedBy: diff.event))
                out.write(", \"\(key)\": " + Self.json(diff, by: measure))
            }
            out.write("}")
        }
        out.write(benchmarks.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// A site diff as one JSON object: every change with both sides' values and its kind
    /// classified by `measure` (as the text report lists it), the unattributed parts and the
    /// passes' totals.
    static func json(_ diff: SiteDiff, by measure: SiteDiff.Measure = .allocations) -> String {
        func pair(_ value: (allocations: Double, bytes: Double)) -> String {
            "{\"allocationsPerOp\": \(MetricFormat.json(value.allocations)), \"bytesPerOp\": \(MetricFormat.json(value.bytes))}"
        }
        let changes = diff.changes.map { change in
            "{\"key\": \(Escape.json(change.key)), \"kind\": \"\(change.kind(by: measure).rawValue)\", "
                + "\"frames\": [\(change.frames.map(Escape.json).joined(separator: ", "))], "
                + "\"via\": \(change.via.map(Escape.json) ?? "null"), "
                + "\"baseline\": \(pair((change.baselineAllocations, change.baselineBytes))), "
                + "\"current\": \(pair((change.currentAllocations, change.currentBytes)))}"
        }
        return "{\"baselineTotal\": \(pair(diff.baselineTotal)), \"currentTotal\": \(pair(diff.currentTotal)), "
            + "\"baselineUnattributed\": \(pair(diff.baselineUnattributed)), \"currentUnattributed\": \(pair(diff.currentUnattributed)), "
            + "\"changes\": [\(changes.joined(separator: ", "))]}"
    }

    private func writeJSONRow(_ row: MetricComparison, to out: inout some TextOutputStream) {
        var line = "{\"metric\": "
        line.reserveCapacity(400)
        line += Escape.json(row.metric)
        line += ", \"unit\": " + Escape.json(row.unit.text)
        line += ", \"better\": \"" + row.better.rawValue
        line += "\", \"exact\": " + (row.exact ? "true" : "false")
        line += ", \"baseline\": " + MetricFormat.json(row.baseline)
        line += ", \"current\": " + MetricFormat.json(row.current)
        line += ", \"change\": " + MetricFormat.json(row.change)
        line += ", \"plusMinus\": " + MetricFormat.json(row.plusMinus)
        line += ", \"pValue\": " + MetricFormat.json(row.pValue)
        line += ", \"threshold\": " + Escape.json(row.threshold.text)
        line += ", \"verdict\": \"" + row.verdict.rawValue
        line += "\", \"samples\": [" + String(row.sampleCounts.baseline) + ", " + String(row.sampleCounts.current)
        line += "], \"unstable\": " + (row.unstable ? "true" : "false")
        if row.tooFewSamples { line += ", \"tooFewSamples\": true" }
        if let needed = row.samplesNeeded { line += ", \"samplesNeeded\": " + String(needed) }
        if !row.note.isEmpty { line += ", \"note\": " + Escape.json(row.note) }
        line += "}"
        out.write(line)
    }
}
