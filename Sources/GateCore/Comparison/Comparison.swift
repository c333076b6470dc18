import BenchResults
import Dispatch

/// Compares a CURRENT results file with a baseline and produces a `Report`. Pure: no I/O.
///
///     let report = try Comparison.compare(baseline: old, current: new,
///                                         baselineName: "baselines/baseline.json",
///                                         currentName: "results.json", options: ComparisonOptions())
///
/// A benchmark of the baseline that CURRENT lacks is `removed`, a gated metric it lacks
/// `missing`: both fail the report unless `options.allowMissing` (see `Report.outcome`).
///
/// Per (benchmark, metric), with `b`/`c` the baseline/current samples and `t` the threshold:
/// - threshold `off`: `reported`.
/// - exact metric, samples constant within each file: median(c) vs median(b) against `t`.
/// - exact metric whose samples vary in either file ("unstable"): a regression only when
///   the closest trimmed ends, the k-th smallest of `c` vs the k-th largest of `b` (lower
///   is better; k = 3 of 10, `TrimmedRange`), still exceed `t` AND the medians moved by
///   more than `t` widened to the metric's unstable floor; improvements symmetric. Neither
///   jitter, nor a between-process shift, nor one outlier sample in either file decides;
///   a real change beyond the floor fails, and stable counts keep `t` alone (+1 alloc/op fails).
/// - noisy metric, noisy gating off (fingerprints differ, `--noisy report`, or the
///   metric's own policy in `ComparisonOptions.noisyByMetric`): `reported`.
/// - noisy metric within `t` (ratio of medians): `pass`, with the ±% interval.
/// - noisy metric beyond `t`: enters the Holm family (see `NoisyFamily`); Holm-adjusted
///   U-test p < alpha gives `regression` (or `improvement`), otherwise `inconclusive`
///   with the samples per side likely to settle it (not-significant improvements pass).
///
/// Benchmarks are compared on all cores in chunks; the result does not depend on it.
package enum Comparison {
    /// Compares `current` against `baseline`.
    ///
    /// - Throws: `ThresholdError` when a threshold's absolute unit cannot apply to the
    ///   metric it was given for (`+1MiB` for a metric in ns).
    package static func compare(
        baseline: ResultsFile, current: ResultsFile, baselineName: String, currentName: String,
        options: ComparisonOptions
    ) throws(ThresholdError) -> Report {
        let mismatches = baseline.environment.fingerprintMismatches(with: current.environment)
        let environmentsMatch = mismatches.isEmpty
        var debug: [String] = []
        if baseline.environment.isDebugBuild { debug.append("baseline") }
        if current.environment.isDebugBuild { debug.append("current") }

        var baselineByName: [String: BenchmarkResult] = [:]
        baselineByName.reserveCapacity(baseline.benchmarks.count)
        for benchmark in baseline.benchmarks { baselineByName[benchmark.name] = benchmark }
        let compared = try compareAll(current.benchmarks, baselineByName, environmentsMatch: environmentsMatch, options: options)

        var family = NoisyFamily()
        var entries: [BenchmarkComparison] = []
        entries.reserveCapacity(current.benchmarks.count)
        for (entry, candidates) in compared {
            for (row, candidate) in candidates { family.add(candidate, entry: entries.count, row: row) }
            entries.append(entry)
        }
        let seen = Set(current.benchmarks.map(\.name))
        for before in baseline.benchmarks where !seen.contains(before.name) {
            entries.append(BenchmarkComparison(name: before.name, presence: .removed, status: before.status, message: before.message))
        }
        let untested = options.family == .allGated ? gatedNoisyRows(entries) - family.count : 0
        family.resolve(into: &entries, alpha: options.alpha, power: options.power, untested: untested)
        let (noisyGated, reason) = noisyGating(
            noisyMetrics: noisyMetricNames(entries), mismatches: mismatches, options: options)
        var report = Report(
            baselineName: baselineName, currentName: currentName, mode: options.mode,
            noisyGated: noisyGated, noisyNotGatedReason: reason, debugBuilds: debug,
            alpha: options.alpha, familySize: family.count + untested, benchmarks: entries)
        report.allowMissing = options.allowMissing
        return report
    }

    /// Whether any of `noisyMetrics` was gated, and why some or all were not: differing
    /// fingerprints first, then the noisy policy, naming the metrics it treats apart.
    static func noisyGating(
        noisyMetrics: [String], mismatches: [String], options: ComparisonOptions
    ) -> (gated: Bool, reason: String?) {
        if !mismatches.isEmpty {
            return (false, "environments differ (\(mismatches.joined(separator: ", "))): machine-dependent metrics are shown, not gated")
        }
        let gated = noisyMetrics.filter { options.noisyPolicy(for: $0) == .gate }
        let reported = noisyMetrics.filter { options.noisyPolicy(for: $0) == .report }
        if gated.isEmpty && options.noisy == .report && !options.noisyIsDefault {
            return (false, "noisy metrics set to report (--noisy or the config's \"noisy\"): "
                + "machine-dependent metrics are shown, not gated")
        }
        if reported.isEmpty { return (!gated.isEmpty, nil) }
        if options.noisyIsDefault {
            return (!gated.isEmpty, "\(reported.joined(separator: ", ")) reported, not gated, against a stored baseline "
                + "(the built-in default, as memgate init writes it): memgate refs gates them; "
                + "opt in here with --noisy gate or the config's \"noisy\": \"gate\"")
        }
        if options.noisy == .report {
            return (true, "noisy metrics other than \(gated.joined(separator: ", ")) set to report (the config's \"noisy\"): "
                + "those are shown, not gated")
        }
        return (!gated.isEmpty, "noisy metrics \(reported.joined(separator: ", ")) set to report (the config's \"noisy\"): "
            + "shown, not gated")
    }

    /// How many noisy rows of `entries` were gated (within the threshold, or candidates of
    /// the Holm family), before the family decides.
    static func gatedNoisyRows(_ entries: [BenchmarkComparison]) -> Int {
        entries.reduce(0) { count, entry in
            count + entry.metrics.filter { !$0.exact && ($0.verdict == .pass || $0.verdict == .inconclusive) }.count
        }
    }

    /// The names of the non-exact metrics compared in `entries`, in first-seen order.
    static func noisyMetricNames(_ entries: [BenchmarkComparison]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for entry in entries {
            for row in entry.metrics where !row.exact && seen.insert(row.metric).inserted { names.append(row.metric) }
        }
        return names
    }

    typealias Compared = (entry: BenchmarkComparison, candidates: [(row: Int, candidate: NoisyFamily.Candidate)])

    /// Compares every CURRENT benchmark with its baseline entry, in parallel chunks, and
    /// returns the results in CURRENT's order.
    static func compareAll(
        _ benchmarks: [BenchmarkResult], _ baselineByName: [String: BenchmarkResult], environmentsMatch: Bool,
        options: ComparisonOptions
    ) throws(ThresholdError) -> [Compared] {
        let chunkSize = 256
        let chunks = (benchmarks.count + chunkSize - 1) / chunkSize
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = chunk * chunkSize..<min(benchmarks.count, (chunk + 1) * chunkSize)
            do throws(ThresholdError) {
                var out: [Compared] = []
                out.reserveCapacity(range.count)
                for index in range {
                    out.append(try compareBenchmark(
                        benchmarks[index], baselineByName[benchmarks[index].name],
                        environmentsMatch: environmentsMatch, options: options))
                }
                results.set(chunk, .success(out))
            } catch {
                results.set(chunk, .failure(error))
            }
        }
        var all: [Compared] = []
        all.reserveCapacity(benchmarks.count)
        for result in results.values {
            switch result {
            case .success(let part): all.append(contentsOf: part)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return all
    }

    /// One CURRENT benchmark against its baseline entry (if any).
    static func compareBenchmark(
        _ now: BenchmarkResult, _ before: BenchmarkResult?, environmentsMatch: Bool, options: ComparisonOptions
    ) throws(ThresholdError) -> Compared {
        guard now.status == .ok else {
            return (BenchmarkComparison(name: now.name, presence: .failed, status: now.status, message: now.message), [])
        }
        guard let before else { return (BenchmarkComparison(name: now.name, presence: .added), []) }
        guard before.status == .ok else {
            return (BenchmarkComparison(name: now.name, presence: .baselineFailed, status: before.status, message: before.message), [])
        }
        var rows: [MetricComparison] = []
        var candidates: [(row: Int, candidate: NoisyFamily.Candidate)] = []
        for name in metricNames(before, now) {
            var row = try compareMetric(
                name, benchmark: now.name, before: before.metrics[name], now: now.metrics[name],
                environmentsMatch: environmentsMatch, options: options)
            // A completed benchmark's message says why it left the reference-counting counts
            // out (BenchKit's pass took another path than the samples).
            if row.comparison.current == nil, let why = now.message, MetricID.referenceCounting.contains(where: { $0.rawValue == name }) {
                row.comparison.note += (row.comparison.note.isEmpty ? "" : "; ") + why
            }
            if let candidate = row.candidate { candidates.append((rows.count, candidate)) }
            rows.append(row.comparison)
        }
        let sites = SiteDiff(baseline: before.allocationSites, current: now.allocationSites)
        let retainSites = SiteDiff(baseline: before.retainSites, current: now.retainSites, event: .retains)
        return (BenchmarkComparison(name: now.name, presence: .compared, metrics: rows, sites: sites, retainSites: retainSites), candidates)
    }

    /// Metric names of both results: built-ins in `MetricID` order, then custom names
    /// sorted (the order of `BenchmarkResult.orderedMetricNames`, over both files).
    static func metricNames(_ before: BenchmarkResult, _ now: BenchmarkResult) -> [String] {
        var names: [String] = []
        names.reserveCapacity(now.metrics.count + 1)
        var custom: [String] = []
        for id in MetricID.allCases where now.metrics[id.rawValue] != nil || before.metrics[id.rawValue] != nil {
            names.append(id.rawValue)
        }
        for key in now.metrics.keys where MetricID(rawValue: key) == nil { custom.append(key) }
        for key in before.metrics.keys where MetricID(rawValue: key) == nil && now.metrics[key] == nil { custom.append(key) }
        return names + custom.sorted()
    }
}

/// Per-chunk results written by concurrent workers, each to its own slot.
private final class ChunkResults: @unchecked Sendable {
    private(set) var values: [Result<[Comparison.Compared], ThresholdError>?]
    private let lock = PthreadMutex()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[Comparison.Compared], ThresholdError>) {
        lock.withLock { values[index] = value }
    }
}

/// A minimal mutex over `pthread_mutex_t`, so the pure core needs no Foundation.
private final class PthreadMutex: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    init() { pthread_mutex_init(mutex, nil) }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
