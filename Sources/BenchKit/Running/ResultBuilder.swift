import BenchResults

/// Turns sample records into a `BenchmarkResult`: one metric per measured quantity, one
/// value per sample, per op where the unit says so.
enum ResultBuilder {
    /// Whether allocation counts are real in this process (the interposer is linked).
    static let countsAllocations = Syscalls.allocationCountingIsActive()

    static func result(
        name: String, records: [SampleRecord], latencyBatchSize: Int,
        throughput: BenchmarkConfiguration.Throughput?, customMetrics: [String: Metric]
    ) -> BenchmarkResult {
        var result = BenchmarkResult(
            name: name, iterations: records.map(\.iterations), latency: LatencyMode(batchSize: latencyBatchSize))
        func add(_ id: MetricID, _ unit: MetricUnit, better: Metric.Better = .lower, _ value: (SampleRecord) -> Double) {
            result[id] = Metric(unit: unit, better: better, exact: id.isExact, samples: records.map(value))
        }
        add(.time, .nanosecondsPerOp) { $0.nanosecondsPerOp }
        add(.cpu, .nanosecondsPerOp) { $0.cpuNanosecondsPerOp }
        for (index, id) in MetricID.latencyQuantiles.enumerated() {
            add(id, .nanoseconds) { $0.quantiles[index] }
        }
        if countsAllocations {
            add(.allocs, .allocationsPerOp) { $0.allocationsPerOp }
            add(.bytes, .bytesPerOp) { $0.bytesPerOp }
            add(.frees, .freesPerOp) { $0.freesPerOp }
            add(.retained, .allocationsPerOp) { $0.retainedPerOp }
        }
        if records.allSatisfy({ $0.peakRSS != nil }) {
            add(.peakRSS, .bytes) { Double($0.peakRSS!) }
            add(.rssGrowth, .bytes) { Double($0.rssGrowth!) }
        }
        if records.allSatisfy({ $0.instructions != nil }) {
            add(.instructions, .instructionsPerOp) { $0.instructionsPerOp! }
        }
        // Work per op / time per op; a sample too quick for the clock counts as 1 ns.
        func perSecond(_ work: Int) -> (SampleRecord) -> Double {
            { Double(work) * 1e9 / max($0.nanosecondsPerOp, 1 / Double($0.iterations)) }
        }
        switch throughput {
        case let .bytes(perOp)?: add(.throughput, .bytesPerSecond, better: .higher, perSecond(perOp))
        case let .items(perOp)?: add(.throughput, .itemsPerSecond, better: .higher, perSecond(perOp))
        case nil: break
        }
        for (key, metric) in customMetrics { result.metrics[key] = metric }
        return result
    }
}
