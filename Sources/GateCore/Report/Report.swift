import BenchResults
import CLISupport

/// Everything a comparison of two results files found: the pure model every renderer
/// (text, Markdown, JSON, JUnit, GitHub annotations) draws from.
///
///     let report = try Comparison.compare(baseline: old, current: new, baselineName: "old.json",
///                                         currentName: "new.json", options: options)
///     report.exitCode(policy: .report)   // .pass, .regression or .inconclusive
package struct Report: Sendable, Equatable {
    /// Whether the report gates (`check`) or only describes (`compare`).
    package enum Mode: String, Sendable, Codable {
        /// Gate: regressions exit 1, inconclusive-only exits 3.
        case check
        /// Describe only: exit 0 whatever moved.
        case compare
    }

    /// The baseline's label (usually its path).
    package var baselineName: String
    /// The current file's label.
    package var currentName: String
    /// `check` or `compare`.
    package var mode: Mode
    /// Whether any noisy metric was gated (fingerprints match and the policy gates at
    /// least one metric).
    package var noisyGated: Bool
    /// Why some or all noisy metrics were not gated (fields that differ, `--noisy report`,
    /// per-metric policies of the config), or nil when all were.
    package var noisyNotGatedReason: String?
    /// Which sides are debug builds: "baseline", "current" (flagged loudly).
    package var debugBuilds: [String]
    /// The significance level used.
    package var alpha: Double
    /// How many noisy comparisons the Holm correction counted: the rows beyond their
    /// threshold, plus for `refs` (`NoisyFamily.Scope.allGated`) every other gated noisy row.
    package var familySize: Int
    /// Benchmarks in display order: failed, then compared, added, removed, by name.
    package var benchmarks: [BenchmarkComparison]
    /// What `memgate refs` did to settle inconclusive rows (more rounds, looks, levels),
    /// or nil when nothing was looked at again.
    package var settling: String?
    /// Whether benchmarks and gated metrics of the baseline that CURRENT lacks pass
    /// (`--allow-missing`); by default they fail the check (see `Report+Missing`).
    package var allowMissing = false

    /// Creates a report.
    package init(
        baselineName: String, currentName: String, mode: Mode, noisyGated: Bool,
        noisyNotGatedReason: String?, debugBuilds: [String], alpha: Double, familySize: Int,
        benchmarks: [BenchmarkComparison]
    ) {
        self.baselineName = baselineName
        self.currentName = currentName
        self.mode = mode
        self.noisyGated = noisyGated
        self.noisyNotGatedReason = noisyNotGatedReason
        self.debugBuilds = debugBuilds
        self.alpha = alpha
        self.familySize = familySize
        self.benchmarks = benchmarks
    }

    /// Counts of what the report found.
    package struct Counts: Sendable, Equatable {
        /// Rows by verdict: regression, inconclusive, improvement, pass, reported, missing.
        package var regressions = 0, inconclusive = 0, improvements = 0, passed = 0, reported = 0, missing = 0
        /// Benchmarks by presence: failed in current, added, removed, failed in the baseline, compared.
        package var failedBenchmarks = 0, addedBenchmarks = 0, removedBenchmarks = 0, baselineFailed = 0, compared = 0
        /// Exact-metric rows whose samples varied within a file (compared by range).
        package var unstable = 0
        /// Noisy rows with too few samples for any change to be significant.
        package var tooFewSamples = 0
    }

    /// Counts of rows by verdict and of benchmarks by presence.
    package var counts: Counts {
        var counts = Counts()
        for benchmark in benchmarks {
            counts[keyPath: Self.presenceCount[benchmark.presence]!] += 1
            for row in benchmark.metrics {
                if row.unstable { counts.unstable += 1 }
                if row.tooFewSamples { counts.tooFewSamples += 1 }
                if let count = Self.verdictCount[row.verdict] { counts[keyPath: count] += 1 }
            }
        }
        return counts
    }

    /// The count each presence adds to.
    private static let presenceCount: [BenchmarkComparison.Presence: WritableKeyPath<Counts, Int> & Sendable] = [
        .compared: \.compared, .added: \.addedBenchmarks, .removed: \.removedBenchmarks, .failed: \.failedBenchmarks,
        .baselineFailed: \.baselineFailed,
    ]

    /// The count each verdict adds to (a new metric's `added` counts nowhere).
    private static let verdictCount: [Verdict: WritableKeyPath<Counts, Int> & Sendable] = [
        .regression: \.regressions, .inconclusive: \.inconclusive, .improvement: \.improvements, .pass: \.passed,
        .reported: \.reported, .missing: \.missing,
    ]

    /// The outcome before mapping: regression if any row regressed, a benchmark failed in
    /// CURRENT, or (unless `allowMissing`) a benchmark or gated metric of the baseline is
    /// missing from CURRENT; otherwise inconclusive if any row is; otherwise pass.
    package var outcome: ExitCode {
        let counts = counts
        if counts.regressions > 0 || counts.failedBenchmarks > 0 { return .regression }
        if !allowMissing && counts.missingAnything { return .regression }
        if counts.inconclusive > 0 { return .inconclusive }
        return .pass
    }

    /// The exit code of this report: `outcome` for `check` with 3 mapped by `policy`;
    /// always 0 for `compare`.
    package func exitCode(policy: InconclusivePolicy) -> ExitCode {
        guard mode == .check else { return .pass }
        let outcome = outcome
        return outcome == .inconclusive ? policy.exitCode : outcome
    }

    /// One line summing up the report (`2 regressions, 1 inconclusive, 40 ok in 12 benchmarks`).
    package var summaryLine: String {
        let c = counts
        var parts: [String] = []
        func add(_ n: Int, _ one: String, _ many: String) { if n > 0 { parts.append("\(n) \(n == 1 ? one : many)") } }
        add(c.failedBenchmarks, "failed benchmark", "failed benchmarks")
        add(c.regressions, "regression", "regressions")
        add(c.inconclusive, "inconclusive", "inconclusive")
        add(c.improvements, "improvement", "improvements")
        add(c.missing, allowMissing ? "missing metric (allowed)" : "missing metric",
            allowMissing ? "missing metrics (allowed)" : "missing metrics")
        if !allowMissing { add(c.removedBenchmarks, "missing benchmark", "missing benchmarks") }
        add(c.passed, "ok", "ok")
        add(c.reported, "not gated", "not gated")
        add(c.addedBenchmarks, "new benchmark", "new benchmarks")
        if allowMissing { add(c.removedBenchmarks, "removed benchmark (allowed)", "removed benchmarks (allowed)") }
        add(c.baselineFailed, "not compared (failed in baseline)", "not compared (failed in baseline)")
        add(c.unstable, "unstable exact metric", "unstable exact metrics")
        let verdict = outcomeWord(regression: mode == .check ? "FAIL" : "regressed", inconclusive: "INCONCLUSIVE",
                                  pass: mode == .check ? "PASS" : "no regression")
        let total = benchmarks.count
        let listed = parts.isEmpty ? "nothing compared" : parts.joined(separator: ", ")
        return "\(verdict): \(listed) (\(total) benchmark\(total == 1 ? "" : "s"))"
    }

    /// The one of three renderings of the outcome that fits it (every renderer names the
    /// outcome its own way: a word, an icon, a colour); an error outcome counts as a pass.
    package func outcomeWord<T>(regression: T, inconclusive: T, pass: T) -> T {
        switch outcome {
        case .regression: regression
        case .inconclusive: inconclusive
        default: pass
        }
    }
}
