import BenchResults

/// The two files as the gate compares (and `update` records) them: what CURRENT alone cannot
/// say is made explicit against the baseline, so that no failure reads as a pass. Pure.
///
///     let inputs = GateInputs(baseline: old, current: new)
///     let report = try Comparison.compare(baseline: inputs.baseline, current: inputs.current, ...)
///
/// - A failed `pkg.*` benchmark (the Go benchfmt reader's record of a package that failed to
///   build, panicked or reported `FAIL`; `*` without a package) becomes one failed benchmark
///   per baseline benchmark of that package that CURRENT lacks, with its message. It stays
///   itself when there is none and no benchmark of the package failed by name.
/// - A benchmark that completed without `allocs` and `bytes` while the baseline's entry has
///   them (Go output without `-benchmem`) failed: its memory was not measured.
/// - A file from an older reader of Go output, which named one package's benchmarks
///   without their package and kept it in `environment.extra["pkg"]`, gets `pkg.Name`
///   names, as the reader gives now.
package struct GateInputs: Sendable {
    /// The baseline, with legacy package names qualified.
    package var baseline: ResultsFile
    /// CURRENT, with failures expanded and named.
    package var current: ResultsFile

    /// The message of a benchmark that lacks the memory metrics the baseline has.
    static let noMemoryMetrics = "no allocs/op or B/op, which the baseline has: the memory was not measured "
        + "(Go: run go test with -benchmem)"

    /// Prepares `baseline` and `current` for comparison.
    package init(baseline: ResultsFile, current: ResultsFile) {
        self.baseline = baseline.qualifyingLegacyPackageNames()
        self.current = current.qualifyingLegacyPackageNames()
        expandPackageFailures()
        failBenchmarksWithoutMemoryMetrics()
    }

    /// Replaces each failed `pkg.*` benchmark of `current` with the baseline's benchmarks of
    /// that package that `current` lacks.
    mutating func expandPackageFailures() {
        var present = Set(current.benchmarks.map(\.name))
        var expanded: [BenchmarkResult] = []
        for benchmark in current.benchmarks {
            guard let prefix = Self.packagePrefix(of: benchmark) else {
                expanded.append(benchmark)
                continue
            }
            let missing = baseline.benchmarks.map(\.name).filter { $0.hasPrefix(prefix) && !present.contains($0) }
            present.formUnion(missing)
            expanded += missing.map { BenchmarkResult(name: $0, status: .failed, message: benchmark.message) }
            let namedFailure = current.benchmarks.contains {
                $0.status != .ok && $0.name.hasPrefix(prefix) && Self.packagePrefix(of: $0) == nil
            }
            if missing.isEmpty && !namedFailure { expanded.append(benchmark) }
        }
        current.benchmarks = expanded
    }

    /// Marks failed every completed benchmark of `current` that has neither `allocs` nor
    /// `bytes` while its baseline entry has one of them.
    mutating func failBenchmarksWithoutMemoryMetrics() {
        let memory = [MetricID.allocs.rawValue, MetricID.bytes.rawValue]
        var baselineByName: [String: BenchmarkResult] = [:]
        for benchmark in baseline.benchmarks { baselineByName[benchmark.name] = benchmark }
        for index in current.benchmarks.indices {
            let now = current.benchmarks[index]
            guard now.status == .ok, !memory.contains(where: { now.metrics[$0] != nil }),
                  let before = baselineByName[now.name], before.status == .ok,
                  memory.contains(where: { before.metrics[$0] != nil }) else { continue }
            current.benchmarks[index].status = .failed
            current.benchmarks[index].message = Self.noMemoryMetrics
        }
    }

    /// `pkg.` for a failed `pkg.*` benchmark without metrics, `""` for `*`; nil for any other.
    static func packagePrefix(of benchmark: BenchmarkResult) -> String? {
        guard benchmark.status != .ok, benchmark.metrics.isEmpty, benchmark.name.hasSuffix("*") else { return nil }
        let prefix = String(benchmark.name.dropLast())
        return prefix.isEmpty || prefix.hasSuffix(".") ? prefix : nil
    }
}

extension ResultsFile {
    /// This file with every benchmark named `pkg.Name` when `environment.extra["pkg"]` names
    /// a package (what the Go benchfmt reader wrote for one package before names always
    /// carried it), and that key removed; unchanged otherwise, or when a name would collide.
    func qualifyingLegacyPackageNames() -> ResultsFile {
        guard let package = environment.extra?["pkg"], !package.isEmpty else { return self }
        var file = self
        let renamed = benchmarks.map { $0.name.hasPrefix(package + ".") ? $0.name : "\(package).\($0.name)" }
        guard Set(renamed).count == renamed.count else { return self }
        for index in file.benchmarks.indices { file.benchmarks[index].name = renamed[index] }
        file.environment.extra?["pkg"] = nil
        if file.environment.extra?.isEmpty == true { file.environment.extra = nil }
        return file
    }
}
