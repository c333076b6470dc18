extension Report {
    /// Writes GitHub Actions workflow commands: `::error` for regressions, benchmarks
    /// that failed in CURRENT and (unless allowed) benchmarks and gated metrics missing from
    /// it, `::warning` for inconclusive rows, allowed missing ones and debug builds,
    /// `::notice` for improvements, for why noisy metrics were not gated, and the summary.
    /// Titles are escaped as properties (`% \r \n : ,`), messages as data (`% \r \n`). A
    /// row's moved sites show their chains as `options.chains` says (`ChainLayout.budget`).
    package func writeGitHubAnnotations(to out: inout some TextOutputStream, options: RenderOptions = RenderOptions()) {
        func command(_ kind: String, _ title: String, _ message: String) {
            out.write("::\(kind) title=\(Escape.githubProperty(title))::\(Escape.githubMessage(message))\n")
        }
        for warning in warnings where warning.hasPrefix("DEBUG") { command("warning", "memgate: debug build", warning) }
        if let reason = noisyNotGatedReason {
            command("notice", noisyGated ? "memgate: some noisy metrics not gated" : "memgate: noisy metrics not gated", reason)
        }
        for benchmark in benchmarks {
            switch benchmark.presence {
            case .failed:
                command("error", "memgate: \(benchmark.name) \(benchmark.status.rawValue)", Report.statusLine(benchmark))
            case .removed:
                command(allowMissing ? "warning" : "error", "memgate: \(benchmark.name) \(allowMissing ? "removed" : "missing")",
                        missingBenchmarkText + (allowMissing ? "" : "; " + Report.acceptMissingHint))
            case .compared:
                for row in benchmark.metrics {
                    let kind: String
                    switch row.verdict {
                    case .regression: kind = "error"
                    case .missing: kind = allowMissing ? "warning" : "error"
                    case .inconclusive: kind = "warning"
                    case .improvement: kind = "notice"
                    default: continue
                    }
                    let message = "\(row.verdict.label): \(MetricFormat.value(row.baseline, row.unit)) -> "
                        + "\(MetricFormat.value(row.current, row.unit)) (\(MetricFormat.change(row))), threshold \(row.threshold.text)"
                        + (row.note.isEmpty ? "" : "; \(row.note)")
                    let sites = siteSentences(benchmark, row, layout: options.chains)
                    let sitesText = sites.isEmpty ? "" : "\nsites: " + sites.joined(separator: "\n")
                    command(kind, "memgate: \(benchmark.name) \(row.metric)", message + sitesText)
                }
            case .added, .baselineFailed:
                continue
            }
        }
        command("notice", "memgate \(mode.rawValue)", summaryLine)
    }
}
