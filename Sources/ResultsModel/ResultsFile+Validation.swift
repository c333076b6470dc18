extension ResultsFile {
    /// Checks the invariants a reader relies on and throws the first violation, naming its
    /// place (`benchmarks[2] "sort".metrics.time.samples[4]`):
    /// - a shard position is within 1...count, count within 1...1000;
    /// - benchmark names are non-empty and unique;
    /// - every metric has at least one sample and every sample is finite;
    /// - built-in metrics that cannot be negative (counts, bytes, times) are not;
    /// - built-in metrics have the unit, direction and exactness of the metric table
    ///   (`MetricID.declarationProblem`): a file cannot redefine them;
    /// - iteration counts are positive, and a benchmark with status `ok` has samples.
    package func validate() throws(ResultsError) {
        try shard?.validate()
        var seen: [String: Int] = [:]
        for (index, benchmark) in benchmarks.enumerated() {
            let place = "benchmarks[\(index)] \"\(benchmark.name)\""
            if benchmark.name.isEmpty { throw .invalid(place: place, problem: "the name is empty") }
            if let first = seen[benchmark.name] {
                throw .invalid(place: place, problem: "duplicate benchmark name (also benchmarks[\(first)])")
            }
            seen[benchmark.name] = index
            try benchmark.validate(place: place)
        }
    }
}

extension BenchmarkResult {
    fileprivate func validate(place: String) throws(ResultsError) {
        for (i, count) in iterations.enumerated() where count <= 0 {
            throw .invalid(place: "\(place).iterations[\(i)]", problem: "iteration count \(count) must be positive")
        }
        if let latency, latency.batchSize < 1 {
            throw .invalid(place: "\(place).latency.batchSize", problem: "must be at least 1")
        }
        if status == .ok && metrics.isEmpty {
            throw .invalid(place: "\(place).metrics", problem: "status is ok but no metric was recorded")
        }
        for name in metrics.keys.sorted() {
            let metric = metrics[name]!
            let metricPlace = "\(place).metrics.\(name)"
            if name.isEmpty { throw .invalid(place: metricPlace, problem: "the metric name is empty") }
            if metric.samples.isEmpty { throw .invalid(place: "\(metricPlace).samples", problem: "no samples") }
            let nonNegative = MetricID(rawValue: name)?.isNonNegative ?? false
            for (i, value) in metric.samples.enumerated() {
                if !value.isFinite {
                    throw .invalid(place: "\(metricPlace).samples[\(i)]", problem: "\(value) is not a finite number")
                }
                if nonNegative && value < 0 {
                    throw .invalid(place: "\(metricPlace).samples[\(i)]", problem: "\(value) is negative")
                }
            }
            if let problem = MetricID(rawValue: name)?.declarationProblem(metric) { throw .invalid(place: metricPlace, problem: problem) }
        }
        try allocationSites?.validate(place: "\(place).allocationSites")
        try retainSites?.validate(place: "\(place).retainSites")
    }
}

extension AllocationSites {
    /// The bounds a profile must keep, far beyond what BenchKit writes (at most 20 sites of
    /// 64 frames each), so that every renderer's arithmetic stays exact and small.
    package static let maxIterations = 1_000_000_000, maxSites = 1_000, maxFrames = 64
    /// Per-op values above this are refused (a petabyte per op is no real profile).
    package static let maxPerOp = 1e12

    /// Checks a profile: iterations in 1...`maxIterations`; finite per-op values in
    /// 0...`maxPerOp`; at most `maxSites` sites, each with a key, 1...`maxFrames` frames, and
    /// keys unique; locations, where present, one per frame (`AllocationSite.validateLocations`).
    fileprivate func validate(place: String) throws(ResultsError) {
        if !(1...Self.maxIterations).contains(iterations) {
            throw .invalid(place: "\(place).iterations", problem: "iteration count \(iterations) is not in 1...\(Self.maxIterations)")
        }
        if sites.count > Self.maxSites {
            throw .invalid(place: "\(place).sites", problem: "\(sites.count) sites, more than \(Self.maxSites)")
        }
        func check(_ value: Double, _ field: String) throws(ResultsError) {
            if !value.isFinite { throw .invalid(place: "\(place).\(field)", problem: "\(value) is not a finite number") }
            if value < 0 { throw .invalid(place: "\(place).\(field)", problem: "\(value) is negative") }
            if value > Self.maxPerOp { throw .invalid(place: "\(place).\(field)", problem: "\(value) is more than \(Self.maxPerOp)") }
        }
        try check(allocationsPerOp, "allocationsPerOp")
        try check(bytesPerOp, "bytesPerOp")
        try check(unattributedAllocationsPerOp, "unattributedAllocationsPerOp")
        try check(unattributedBytesPerOp, "unattributedBytesPerOp")
        var seen: Set<String> = []
        for (index, site) in sites.enumerated() {
            try check(site.allocationsPerOp, "sites[\(index)].allocationsPerOp")
            try check(site.bytesPerOp, "sites[\(index)].bytesPerOp")
            if site.key.isEmpty || !seen.insert(site.key).inserted {
                throw .invalid(place: "\(place).sites[\(index)].key", problem: "the key is empty or repeated")
            }
            if !(1...Self.maxFrames).contains(site.frames.count) {
                throw .invalid(place: "\(place).sites[\(index)].frames", problem: "\(site.frames.count) frames, not 1...\(Self.maxFrames)")
            }
            try site.validateLocations(place: "\(place).sites[\(index)].locations")
        }
    }
}

extension AllocationSite {
    /// Checks `locations`: absent, or one entry per frame, each `null` or a non-empty file
    /// with a line and column (when given) in 1...`maxLine`, so a renderer never shows a
    /// location belonging to another frame or a line 0.
    fileprivate func validateLocations(place: String) throws(ResultsError) {
        guard let locations else { return }
        if locations.count != frames.count {
            throw .invalid(place: place, problem: "\(locations.count) locations for \(frames.count) frames")
        }
        for case let (index, location?) in locations.enumerated() {
            if location.file.isEmpty { throw .invalid(place: "\(place)[\(index)].file", problem: "the file is empty") }
            for (value, field) in [(location.line, "line"), (location.column ?? 1, "column")] where !(1...Self.maxLine).contains(value) {
                throw .invalid(place: "\(place)[\(index)].\(field)", problem: "\(value) is not in 1...\(Self.maxLine)")
            }
        }
    }

    /// The largest line or column a location may name.
    package static let maxLine = 100_000_000
}
