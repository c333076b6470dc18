import BenchResults

/// Compares a CURRENT results file with a baseline and produces a `Report`. Pure: no I/O.
///
///     let report = try Comparison.compare(baseline: old, current: new,
///                                         baselineName: "baselines/baseline.json",
///                                         currentName: "results.json", options: ComparisonOptions())
///
/// Per (benchmark, metric), with `b`/`c` the baseline/current samples and `t` the threshold:
/// - threshold `off`: `reported`.
/// - exact metric, samples constant within each file: median(c) vs median(b) against `t`.
/// - exact metric whose samples vary in either file ("unstable"): a regression only when
///   the closest pair, `min(c)` vs `max(b)` (lower is better), still exceeds `t`;
///   improvements symmetric. Jitter cannot fail the gate; a real +1 alloc/op still does.
/// - noisy metric, noisy gating off (fingerprints differ, `--noisy report`): `reported`.
/// - noisy metric within `t` (ratio of medians): `pass`, with the ±% interval.
/// - noisy metric beyond `t`: enters the Holm family (see `NoisyFamily`); Holm-adjusted
///   U-test p < alpha gives `regression` (or `improvement`), otherwise `inconclusive`
///   with the samples per side likely to settle it (not-significant improvements pass).
public enum Comparison {
    /// Compares `current` against `baseline`.
    ///
    /// - Throws: `ThresholdError` when a threshold's absolute unit cannot apply to the
    ///   metric it was given for (`+1MiB` for a metric in ns).
    public static func compare(
        baseline: ResultsFile, current: ResultsFile, baselineName: String, currentName: String,
        options: ComparisonOptions
    ) throws(ThresholdError) -> Report {
        let mismatches = fingerprintMismatches(baseline.environment, current.environment)
        var reason: String?
        if options.noisy == .report {
            reason = "--noisy report: machine-dependent metrics are shown, not gated"
        } else if !mismatches.isEmpty {
            reason = "environments differ (\(mismatches.joined(separator: ", "))): machine-dependent metrics are shown, not gated"
        }
        var debug: [String] = []
        if baseline.environment.isDebugBuild { debug.append("baseline") }
        if current.environment.isDebugBuild { debug.append("current") }

        var family = NoisyFamily()
        var entries: [BenchmarkComparison] = []
        entries.reserveCapacity(current.benchmarks.count)
        var baselineByName: [String: BenchmarkResult] = [:]
        baselineByName.reserveCapacity(baseline.benchmarks.count)
        for benchmark in baseline.benchmarks { baselineByName[benchmark.name] = benchmark }
        var seen = Set<String>()
        for now in current.benchmarks {
            seen.insert(now.name)
            guard now.status == .ok else {
                entries.append(BenchmarkComparison(name: now.name, presence: .failed, status: now.status, message: now.message))
                continue
            }
            guard let before = baselineByName[now.name] else {
                entries.append(BenchmarkComparison(name: now.name, presence: .added))
                continue
            }
            guard before.status == .ok else {
                entries.append(BenchmarkComparison(name: now.name, presence: .baselineFailed, status: before.status, message: before.message))
                continue
            }
            var rows: [MetricComparison] = []
            for name in metricNames(before, now) {
                let row = try compareMetric(
                    name, benchmark: now.name, before: before.metrics[name], now: now.metrics[name],
                    noisyGated: reason == nil, options: options)
                if let candidate = row.candidate { family.add(candidate, entry: entries.count, row: rows.count) }
                rows.append(row.comparison)
            }
            entries.append(BenchmarkComparison(name: now.name, presence: .compared, metrics: rows))
        }
        for before in baseline.benchmarks where !seen.contains(before.name) {
            entries.append(BenchmarkComparison(name: before.name, presence: .removed, status: before.status, message: before.message))
        }
        family.resolve(into: &entries, alpha: options.alpha, power: options.power)
        return Report(
            baselineName: baselineName, currentName: currentName, mode: options.mode,
            noisyGated: reason == nil, noisyNotGatedReason: reason, debugBuilds: debug,
            alpha: options.alpha, familySize: family.count, benchmarks: entries)
    }

    /// Fingerprint fields that differ, or are known in one file only. A field unknown in
    /// both files (Go output has no Swift version) is not a mismatch: neither file claims it.
    static func fingerprintMismatches(_ a: Environment, _ b: Environment) -> [String] {
        zip(a.machineFingerprint, b.machineFingerprint).compactMap { mine, theirs in
            if mine.value == nil && theirs.value == nil { return nil }
            return mine.value == theirs.value ? nil : mine.field
        }
    }

    /// Metric names of both results: CURRENT's in display order, then baseline-only ones.
    static func metricNames(_ before: BenchmarkResult, _ now: BenchmarkResult) -> [String] {
        let names = now.orderedMetricNames
        let extra = before.orderedMetricNames.filter { now.metrics[$0] == nil }
        return names + extra
    }
}
