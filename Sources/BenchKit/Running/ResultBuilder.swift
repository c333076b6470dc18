import BenchResults

/// Turns sample records into a `BenchmarkResult`: one metric per measured quantity, one
/// value per sample, per op where the unit says so.
enum ResultBuilder {
    /// Whether allocation counts are real in this process (the interposer is linked).
    static let countsAllocations = ProbeSyscalls.allocationCountingIsActive()

    static func result(
        name: String, records: [SampleRecord], arcPass: ARCPass? = nil, stacks: RecordedStacks? = nil,
        retainStacks: RecordedStacks? = nil,
        latencyBatchSize: Int,
        throughput: BenchmarkConfiguration.Throughput?, customMetrics: [String: Metric], linesFrom parent: Int32? = nil
    ) -> BenchmarkResult {
        var result = BenchmarkResult(
            name: name, iterations: records.map(\.iterations), latency: LatencyMode(batchSize: latencyBatchSize))
        // Unit, direction and exactness come from the one table, `MetricID.properties`.
        func add(_ id: MetricID, unit: MetricUnit? = nil, _ value: (SampleRecord) -> Double) {
            let properties = id.properties
            result[id] = Metric(unit: unit ?? properties.unit!, better: properties.better, exact: properties.exact,
                                samples: records.map(value))
        }
        add(.time) { $0.nanosecondsPerOp }
        add(.cpu) { $0.cpuNanosecondsPerOp }
        for (index, id) in MetricID.latencyQuantiles.enumerated() {
            add(id) { $0.quantiles[index] }
        }
        if countsAllocations {
            add(.allocs) { $0.allocationsPerOp }
            add(.bytes) { $0.bytesPerOp }
            add(.frees) { $0.freesPerOp }
            add(.retained) { $0.retainedPerOp }
        }
        if let arcPass {
            // One value each, from the pass after the samples: exact, like the allocation counts.
            let counts = [(MetricID.retains, arcPass.retainsPerOp), (.releases, arcPass.releasesPerOp), (.objects, arcPass.objectsPerOp)]
            for (id, value) in counts {
                let properties = id.properties
                result[id] = Metric(unit: properties.unit!, better: properties.better, exact: properties.exact, samples: [value])
            }
        }
        if records.allSatisfy({ $0.peakRSS != nil }) {
            add(.peakRSS) { Double($0.peakRSS!) }
            add(.rssGrowth) { Double($0.rssGrowth!) }
        }
        if records.allSatisfy({ $0.instructions != nil }) {
            add(.instructions) { $0.instructionsPerOp! }
        }
        // Work per op / time per op; a sample too quick for the clock counts as 1 ns.
        func perSecond(_ work: Int) -> (SampleRecord) -> Double {
            { Double(work) * 1e9 / max($0.nanosecondsPerOp, 1 / Double($0.iterations)) }
        }
        switch throughput {
        case let .bytes(perOp)?: add(.throughput, unit: .bytesPerSecond, perSecond(perOp))
        case let .items(perOp)?: add(.throughput, unit: .itemsPerSecond, perSecond(perOp))
        case nil: break
        }
        for (key, metric) in customMetrics { result.metrics[key] = metric }
        if stacks != nil || retainStacks != nil {
            let symbolizer = SiteProfile.makeSymbolizer(linesFrom: parent)
            // Both profiles' addresses at once: each library's symbol table and the debug
            // information's lines (about 60 ms for the examples' executable) are read once.
            symbolizer.prefetchLines([stacks, retainStacks].compactMap { $0 }.flatMap(\.stacks).flatMap(\.addresses))
            result.allocationSites = stacks.map { SiteProfile.sites(from: $0, symbolizer: symbolizer) }
            result.retainSites = retainStacks.map { SiteProfile.sites(from: $0, symbolizer: symbolizer) }
        }
        return result
    }
}
