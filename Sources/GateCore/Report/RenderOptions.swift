/// Presentation choices shared by the renderers.
package struct RenderOptions: Sendable, Equatable {
    /// ANSI colour in the text table (only on a TTY, never with NO_COLOR: the command
    /// layer decides).
    package var color: Bool
    /// Show every row, not only the interesting ones (regressions, inconclusive,
    /// improvements, missing metrics).
    package var verbose: Bool

    /// The most table rows the Markdown renderer writes before summarising the rest in one
    /// line (`nil`: no limit). Used for `$GITHUB_STEP_SUMMARY`, which GitHub caps at 1 MiB.
    package var maxRows: Int?

    /// How sites' call chains are laid out: the width of the text report's chain lines and
    /// whether every frame is shown (`--full-stacks`) in every format but JSON, which keeps them all.
    package var chains: ChainLayout

    /// Creates options.
    package init(color: Bool = false, verbose: Bool = false, maxRows: Int? = nil, chains: ChainLayout = ChainLayout()) {
        self.color = color
        self.verbose = verbose
        self.maxRows = maxRows
        self.chains = chains
    }
}

extension Report {
    /// The rows a renderer shows for `benchmark`: all of them when verbose, otherwise the
    /// interesting ones.
    func visibleRows(_ benchmark: BenchmarkComparison, verbose: Bool) -> [MetricComparison] {
        verbose ? benchmark.metrics : benchmark.metrics.filter { $0.verdict.isInteresting }
    }

    /// The warnings every format prints before its table: debug builds (loudly), what is
    /// missing from CURRENT and how to accept it, why noisy metrics were not gated, and noisy
    /// comparisons with too few samples.
    package var warnings: [String] {
        var lines: [String] = []
        for side in debugBuilds {
            lines.append("DEBUG BUILD: the \(side) results come from a debug build; its numbers are not representative")
        }
        if let missingNote { lines.append(missingNote) }
        if let reason = noisyNotGatedReason { lines.append(reason) }
        if let settling { lines.append(settling) }
        let tooFew = counts.tooFewSamples
        if tooFew > 0 {
            lines.append("\(tooFew) noisy comparison\(tooFew == 1 ? "" : "s") had too few samples for any change to be significant; "
                + "record more samples (see the notes)")
        }
        return lines
    }

    /// Benchmarks with the given presence.
    func benchmarks(_ presence: BenchmarkComparison.Presence) -> [BenchmarkComparison] {
        benchmarks.filter { $0.presence == presence }
    }

    /// A one-line description of a benchmark that did not complete.
    package static func statusLine(_ benchmark: BenchmarkComparison) -> String {
        let message = benchmark.message.map { ": \($0)" } ?? ""
        return "\(benchmark.status.rawValue)\(message)"
    }
}
