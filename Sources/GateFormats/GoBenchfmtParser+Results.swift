import BenchResults

extension GoBenchfmtParser {
    /// The results file the output describes: every benchmark seen (qualified `pkg.Name`
    /// when a `pkg:` line named its package, however many packages ran), then a failed
    /// `pkg.*` benchmark for every package that failed.
    ///
    /// - Throws: `ResultsError.malformed` when the output has neither a benchmark line nor
    ///   a failure; `ResultsError.invalid` (at `path`) when the file breaks an invariant.
    mutating func finish() throws(ResultsError) -> ResultsFile {
        endAnnouncement()
        if let failure = unattributedFailure { failedPackages.append((nil, failure)) }
        guard !entries.isEmpty || !failedPackages.isEmpty else {
            throw .malformed(
                path: path, place: "",
                problem: "neither a memgate results file (JSON) nor Go benchmark output (no Benchmark lines)")
        }
        let procsValues = Set(entries.compactMap(\.procs))
        let stripProcs = procsValues.count <= 1
        var environment = self.environment
        var extra = self.extra
        if stripProcs, let procs = procsValues.first { extra["gomaxprocs"] = procs }
        environment.extra = extra.isEmpty ? nil : extra
        var results: [BenchmarkResult] = []
        for entry in entries {
            var name = stripProcs ? entry.name : entry.procs.map { "\(entry.name)-\($0)" } ?? entry.name
            if let package = entry.package { name = "\(package).\(name)" }
            var metrics: [String: Metric] = [:]
            for unit in entry.unitOrder {
                metrics[metricName(unit)] = metric(unit: unit, values: entry.values[unit]!)
            }
            let failure = entry.failure ?? (entry.iterations.isEmpty ? "no result in the go test output" : nil)
            results.append(BenchmarkResult(
                name: name, status: failure == nil ? .ok : .failed, message: failure,
                iterations: entry.iterations, metrics: metrics))
        }
        for (package, reason) in failedPackages {
            results.append(BenchmarkResult(
                name: Self.packageFailureName(package), status: .failed,
                message: "\(package.map { "package \($0)" } ?? "go test") failed: \(reason)"))
        }
        let file = ResultsFile(environment: environment, benchmarks: results)
        do { try file.validate() } catch { throw error.at(path: path) }
        return file
    }

    /// The metric `unit` holds: a Go unit's built-in metric, the `metric=` of its `Unit`
    /// line, else the unit itself.
    func metricName(_ unit: String) -> String {
        GoBenchfmt.builtInUnits[unit]?.metric.rawValue ?? metricNames[unit] ?? unit
    }

    /// The metric of `unit`'s values: a built-in metric (a Go unit, or a `metric=` naming one
    /// in its own unit) takes the metric table's properties; any other is custom, noisy
    /// unless `assume=exact`, higher-is-better for `better=higher` or a unit ending in `/s`.
    func metric(unit: String, values: [Double]) -> Metric {
        if let go = GoBenchfmt.builtInUnits[unit] {  // Go's MB/s is 1e6 of our B/s.
            let properties = go.metric.properties
            return Metric(unit: go.unit, better: properties.better, exact: properties.exact, samples: values.map { $0 * go.factor })
        }
        var ownUnit = unit
        if let name = metricNames[unit], unit.hasPrefix(name + "-"), unit.count > name.count + 1 {
            ownUnit = String(unit.dropFirst(name.count + 1))
            if let properties = MetricID(rawValue: name)?.properties, properties.unit.map({ $0.text == ownUnit }) ?? true {
                return Metric(unit: MetricUnit(ownUnit), better: properties.better, exact: properties.exact, samples: values)
            }
        }
        let higher = higherUnits.contains(unit) || unit.hasSuffix("/s")
        return Metric(unit: MetricUnit(ownUnit), better: higher ? .higher : .lower, exact: exactUnits.contains(unit), samples: values)
    }
}
