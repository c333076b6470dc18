extension Report {
    /// Writes JUnit XML: one `<testsuite>`, one `<testcase>` per benchmark and metric
    /// (`classname` = benchmark, `name` = metric). Regressions and (unless allowed) gated
    /// metrics missing from CURRENT are `<failure>`s; inconclusive rows, allowed missing
    /// metrics and not-gated rows are `<skipped>` with the reason. A benchmark that failed
    /// in CURRENT is one testcase named `status` with a failure, as is (unless allowed) a
    /// benchmark missing from it; allowed removed benchmarks are skipped. Every name is
    /// XML-escaped (`Escape.xml`).
    package func writeJUnit(to out: inout some TextOutputStream) {
        var cases: [String] = []
        var failures = 0, skipped = 0
        func testcase(_ classname: String, _ name: String, _ body: String?) {
            let open = "    <testcase classname=\"\(Escape.xml(classname))\" name=\"\(Escape.xml(name))\""
            cases.append(body.map { "\(open)>\n      \($0)\n    </testcase>" } ?? "\(open)/>")
        }
        for benchmark in benchmarks {
            switch benchmark.presence {
            case .failed:
                failures += 1
                let message = "\(benchmark.status.rawValue) in current" + (benchmark.message.map { ": \($0)" } ?? "")
                testcase(benchmark.name, "status", "<failure message=\"\(Escape.xml(message))\" type=\"\(benchmark.status.rawValue)\"/>")
            case .removed where allowMissing:
                skipped += 1
                testcase(benchmark.name, "status", "<skipped message=\"removed: in the baseline but not in current (allowed)\"/>")
            case .removed:
                failures += 1
                let message = "missing: \(missingBenchmarkText); \(Report.acceptMissingHint)"
                testcase(benchmark.name, "status", "<failure message=\"\(Escape.xml(message))\" type=\"missing\"/>")
            case .baselineFailed:
                skipped += 1
                testcase(
                    benchmark.name, "status",
                    "<skipped message=\"\(Escape.xml(Report.statusLine(benchmark))) in the baseline; not compared\"/>")
            case .added:
                testcase(benchmark.name, "status", "<system-out>new benchmark: not in the baseline</system-out>")
            case .compared:
                for row in benchmark.metrics {
                    let interval = MetricFormat.plusMinus(row)
                    let figures = "\(MetricFormat.value(row.baseline, row.unit)) -> \(MetricFormat.value(row.current, row.unit)) "
                        + "(\(MetricFormat.change(row))\(interval.isEmpty ? "" : " " + interval)), threshold \(row.threshold.text)"
                    let detail = row.note.isEmpty ? figures : "\(figures); \(row.note)"
                    switch row.verdict {
                    case .regression:
                        failures += 1
                        let sites = siteSentences(benchmark, row).map { "\nsite: " + $0 }.joined()
                        testcase(
                            benchmark.name, row.metric,
                            "<failure message=\"\(Escape.xml("regressed: " + detail + sites))\" type=\"regression\"/>")
                    case .missing where !allowMissing:
                        failures += 1
                        testcase(benchmark.name, row.metric, "<failure message=\"\(Escape.xml("missing: " + detail))\" type=\"missing\"/>")
                    case .inconclusive, .missing, .reported:
                        skipped += 1
                        testcase(benchmark.name, row.metric, "<skipped message=\"\(Escape.xml(row.verdict.label + ": " + detail))\"/>")
                    case .pass, .improvement, .added:
                        testcase(benchmark.name, row.metric, "<system-out>\(Escape.xml(row.verdict.label + ": " + detail))</system-out>")
                    }
                }
            }
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"memgate\" tests=\"\(cases.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n")
        out.write("  <testsuite name=\"memgate \(mode.rawValue)\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
            + "errors=\"0\" skipped=\"\(skipped)\">\n")
        if !warnings.isEmpty {
            out.write("    <properties>\n")
            for warning in warnings { out.write("      <property name=\"warning\" value=\"\(Escape.xml(warning))\"/>\n") }
            out.write("    </properties>\n")
        }
        for line in cases { out.write(line + "\n") }
        out.write("  </testsuite>\n</testsuites>\n")
    }
}
