import CLISupport

extension BisectResult {
    /// Writes the terminal report: what was bisected and between which commits, the ends'
    /// change, the error control (noisy metrics), a table of the commits tested (the ends
    /// first), then the first bad commit (hash, subject, author date, the metric before and
    /// after) and its change as `memgate check` reports it (sites included), or the range an
    /// unsure bisection narrowed to, or why the ends did not reproduce; the summary line last.
    ///
    ///     var out = ""
    ///     result.writeText(to: &out, options: RenderOptions(color: false))
    package func writeText(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        let paint = Paint(enabled: options.color)
        out.write(terminalSafe(headline) + "\n")
        if let target {
            out.write("ends: \(terminalSafe(BisectTarget.describe(target.benchmark, target.ends))), "
                + "threshold \(target.ends.threshold.text)\n")
        }
        if !alsoRegressed.isEmpty {
            let others = terminalSafe(alsoRegressed.joined(separator: "; "))
            out.write("also regressed at the ends, not bisected (--metric picks one): \(others)\n")
        }
        if let levels { out.write("error control: \(levels.statement)\n") }
        if !steps.isEmpty {
            var table = TextTable(columns: [
                .init("position", alignment: .right), .init("commit"), .init("verdict"),
                .init(target?.metric ?? "value", alignment: .right), .init("subject"), .init("note"),
            ])
            for row in stepRows {
                let colour: ANSIColour? = row.verdict == "bad" ? .red : row.verdict == "good" ? .green : .yellow
                table.addRow([Cell("\(row.position)"), Cell(row.commit.short), Cell(row.verdict, colour: colour), Cell(row.value),
                              Cell(row.commit.subject), Cell(row.note)])
            }
            out.write("\n" + table.render(style: paint.style))
        }
        out.write("\n")
        switch outcome {
        case .found: writeFound(to: &out, options: options)
        case .unsure where target != nil:
            out.write("The first bad commit is one of these \(candidates.count), after \(line[lastGood].short):\n")
            for commit in candidates { out.write("  \(commit.short)  \(terminalSafe(commit.subject))\n") }
            out.write("\n")
        case .notReproduced, .unsure: break
        }
        let colour = outcome == .found ? paint.green : outcome == .unsure ? paint.yellow : paint.red
        out.write(colour(terminalSafe(summaryLine)) + "\n")
    }

    /// The first line: `memgate bisect: blocks allocs over 16 commits of main's first-parent
    /// line, GOOD v1.0 (3f2a1b9c0d) to BAD main (9a8b7c6d5e)`.
    package var headline: String {
        let what = target.map { "\($0.benchmark) \($0.metric)" } ?? "the selected benchmarks"
        return "memgate bisect: \(what) over \(commitCount) commit\(commitCount == 1 ? "" : "s") of \(bad)'s first-parent line, "
            + "GOOD \(good) (\(line[0].short)) to BAD \(bad) (\(line[commitCount].short))"
    }

    /// The last line: `FOUND: ...`, `UNSURE: ...` (`UNSURE at the ends: ...` when the ends'
    /// test itself stayed inconclusive), or `NOT REPRODUCED at the ends: ...`, with the number
    /// of builds.
    package var summaryLine: String {
        let built = "\(builds) build\(builds == 1 ? "" : "s") for \(commitCount) commit\(commitCount == 1 ? "" : "s")"
        switch outcome {
        case .found:
            let commit = line[firstBad]
            return "FOUND: the first bad commit is \(commit.short) \"\(commit.subject)\" (\(built))"
        case .unsure where target == nil:
            return "UNSURE at the ends: \(reason) (\(built))"
        case .unsure:
            return "UNSURE: the first bad commit is one of \(candidates.count) after \(line[lastGood].short), up to "
                + "\(line[firstBad].short): \(reason) (\(built))"
        case .notReproduced:
            return "NOT REPRODUCED at the ends: \(reason) (\(built))"
        }
    }

    /// The first bad commit, the metric before and after it, and its change.
    private func writeFound(to out: inout some TextOutputStream, options: RenderOptions) {
        let commit = line[firstBad], parent = line[lastGood]
        out.write("First bad commit: \(commit.hash)\n")
        out.write("  subject: \(terminalSafe(commit.subject))\n")
        out.write("  author date: \(terminalSafe(commit.authorDate))\n")
        if let target {
            let unit = target.ends.unit
            out.write("  \(terminalSafe(target.metric)): \(MetricFormat.value(value(at: lastGood), unit)) before (\(parent.short), its "
                + "parent) -> \(MetricFormat.value(value(at: firstBad), unit)) after\n")
        }
        guard let change else { return }
        out.write("\nThe change at \(commit.short), as memgate check reports it (its parent's run against its own, exact metrics):\n")
        var verbose = options
        verbose.verbose = true
        change.report.writeText(to: &out, options: verbose)
        out.write("\n")
    }
}
