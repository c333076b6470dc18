extension Report {
    /// Writes JUnit XML: one `<testsuite>`, one `<testcase>` per benchmark and metric
    /// (`classname` = benchmark, `name` = metric). Regressions and (unless allowed) gated
    /// metrics missing from CURRENT are `<failure>`s; inconclusive rows, allowed missing
    /// metrics and not-gated rows are `<skipped>` with the reason. A benchmark that failed
    /// in CURRENT is one testcase named `status` with a failure, as is (unless allowed) a
    /// benchmark missing from it; allowed removed benchmarks are skipped. Every name is
    /// XML-escaped (`Escape.xml`). A regression's message names its moved sites, chains laid
    /// out by `options.chains` (`ChainLayout.budget`).
    package func writeJUnit(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        var cases = JUnitCases()
        for benchmark in benchmarks {
            switch benchmark.presence {
            case .failed:
                let message = "\(benchmark.status.rawValue) in current" + (benchmark.message.map { ": \($0)" } ?? "")
                cases.fail(benchmark.name, "status", "<failure message=\"\(Escape.xml(message))\" type=\"\(benchmark.status.rawValue)\"/>")
            case .removed where allowMissing:
                cases.skip(benchmark.name, "status", "<skipped message=\"removed: in the baseline but not in current (allowed)\"/>")
            case .removed:
                let message = "missing: \(missingBenchmarkText); \(Report.acceptMissingHint)"
                cases.fail(benchmark.name, "status", "<failure message=\"\(Escape.xml(message))\" type=\"missing\"/>")
            case .baselineFailed:
                cases.skip(
                    benchmark.name, "status",
                    "<skipped message=\"\(Escape.xml(Report.statusLine(benchmark))) in the baseline; not compared\"/>")
            case .added:
                cases.add(benchmark.name, "status", "<system-out>new benchmark: not in the baseline</system-out>")
            case .compared:
                addMetricCases(of: benchmark, to: &cases, layout: options.chains)
            }
        }
        let (failures, skipped) = (cases.failures, cases.skipped)
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"memgate\" tests=\"\(cases.lines.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n")
        out.write("  <testsuite name=\"memgate \(mode.rawValue)\" tests=\"\(cases.lines.count)\" failures=\"\(failures)\" "
            + "errors=\"0\" skipped=\"\(skipped)\">\n")
        if !warnings.isEmpty {
            out.write("    <properties>\n")
            for warning in warnings { out.write("      <property name=\"warning\" value=\"\(Escape.xml(warning))\"/>\n") }
            out.write("    </properties>\n")
        }
        for line in cases.lines { out.write(line + "\n") }
        out.write("  </testsuite>\n</testsuites>\n")
    }

    /// One testcase per metric row of a compared benchmark.
    private func addMetricCases(of benchmark: BenchmarkComparison, to cases: inout JUnitCases, layout: ChainLayout) {
        for row in benchmark.metrics {
            let interval = MetricFormat.plusMinus(row)
            let figures = "\(MetricFormat.value(row.baseline, row.unit)) -> \(MetricFormat.value(row.current, row.unit)) "
                + "(\(MetricFormat.change(row))\(interval.isEmpty ? "" : " " + interval)), threshold \(row.threshold.text)"
            let detail = row.note.isEmpty ? figures : "\(figures); \(row.note)"
            switch row.verdict {
            case .regression:
                let sites = siteSentences(benchmark, row, layout: layout).map { "\nsite: " + $0 }.joined()
                let message = Escape.xml("regressed: " + detail + sites)
                cases.fail(benchmark.name, row.metric, "<failure message=\"\(message)\" type=\"regression\"/>")
            case .missing where !allowMissing:
                cases.fail(benchmark.name, row.metric, "<failure message=\"\(Escape.xml("missing: " + detail))\" type=\"missing\"/>")
            case .inconclusive, .missing, .reported:
                cases.skip(benchmark.name, row.metric, "<skipped message=\"\(Escape.xml(row.verdict.label + ": " + detail))\"/>")
            case .pass, .improvement, .added:
                cases.add(benchmark.name, row.metric, "<system-out>\(Escape.xml(row.verdict.label + ": " + detail))</system-out>")
            }
        }
    }
}

/// The testcases of a JUnit report as they are added, with the failures and skips counted.
private struct JUnitCases {
    /// One `<testcase>` element per case, indented.
    var lines: [String] = []
    var failures = 0, skipped = 0

    /// Adds a testcase whose body (a `<failure>`, `<skipped>` or `<system-out>`) is `body`.
    mutating func add(_ classname: String, _ name: String, _ body: String) {
        let open = "    <testcase classname=\"\(Escape.xml(classname))\" name=\"\(Escape.xml(name))\""
        lines.append("\(open)>\n      \(body)\n    </testcase>")
    }

    /// Adds a failed testcase.
    mutating func fail(_ classname: String, _ name: String, _ body: String) {
        failures += 1
        add(classname, name, body)
    }

    /// Adds a skipped testcase.
    mutating func skip(_ classname: String, _ name: String, _ body: String) {
        skipped += 1
        add(classname, name, body)
    }
}
