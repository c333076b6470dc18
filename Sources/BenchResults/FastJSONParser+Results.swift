extension FastJSONParser {
    /// The whole document; `nil` unless it is a well-formed results file of the current
    /// schema with every required field of the right type and nothing after it.
    mutating func resultsFile() -> ResultsFile? {
        var format: String?
        var schema: Int?
        var environment = Environment()
        var benchmarks: [BenchmarkResult]?
        var shard: ResultsFile.ShardPosition?
        let ok = object { parser, key in
            switch key {
            case "format": format = parser.string(); return format != nil
            case "schema": schema = parser.integer(); return schema != nil
            case "environment":
                guard let value = parser.environment() else { return false }
                environment = value
                return true
            case "shard":
                guard let value = parser.shardPosition() else { return false }
                shard = value
                return true
            case "benchmarks":
                var list: [BenchmarkResult] = []
                let ok = parser.array { parser in
                    guard let benchmark = parser.benchmark() else { return false }
                    list.append(benchmark)
                    return true
                }
                benchmarks = ok ? list : nil
                return ok
            default: return parser.skipValue()
            }
        }
        skipWhitespace()
        guard ok, position == end, format == ResultsFile.formatName, let schema, ResultsFile.readableSchemas.contains(schema),
              let benchmarks else { return nil }
        var file = ResultsFile(environment: environment, benchmarks: benchmarks)
        file.schema = schema
        file.shard = shard
        return file
    }

    /// `{"index": I, "count": N}`, both whole numbers and both present.
    mutating func shardPosition() -> ResultsFile.ShardPosition? {
        var index: Int?, count: Int?
        let ok = object { parser, key in
            switch key {
            case "index": index = parser.integer(); return index != nil
            case "count": count = parser.integer(); return count != nil
            default: return parser.skipValue()
            }
        }
        guard ok, let index, let count else { return nil }
        return ResultsFile.ShardPosition(index: index, count: count)
    }

    mutating func optionalString() -> String?? {
        if null() { return .some(nil) }
        return string().map { .some($0) }
    }

    mutating func environment() -> Environment? {
        if null() { return Environment() }
        var e = Environment()
        let ok = object { parser, key in
            func text(_ assign: (String?) -> Void) -> Bool {
                guard let value = parser.optionalString() else { return false }
                assign(value)
                return true
            }
            if let field = Environment.field(forKey: key) {
                switch field.value {
                case .text(let path): return text { e[keyPath: path] = $0 }
                case .integer(let path):
                    if parser.null() { return true }
                    guard let value = parser.integer() else { return false }
                    e[keyPath: path] = value
                    return true
                case .boolean(let path):
                    if parser.null() { return true }
                    guard let value = parser.bool() else { return false }
                    e[keyPath: path] = value
                    return true
                }
            }
            switch key {
            case "extra":
                if parser.null() { return true }
                var extra: [String: String] = [:]
                let ok = parser.object { parser, key in
                    guard let value = parser.string() else { return false }
                    extra[key] = value
                    return true
                }
                e.extra = extra
                return ok
            default: return parser.skipValue()
            }
        }
        return ok ? e : nil
    }

    mutating func benchmark() -> BenchmarkResult? {
        var name: String?
        var status: BenchmarkStatus?
        var message: String?
        var iterations: [Int]?
        var latency: LatencyMode?
        var metrics: [String: Metric]?
        var sites: AllocationSites?, retainSites: AllocationSites?
        let ok = object { parser, key in
            switch key {
            case "name": name = parser.string(); return name != nil
            case "status":
                status = parser.string().flatMap(BenchmarkStatus.init(rawValue:))
                return status != nil
            case "message":
                guard let value = parser.optionalString() else { return false }
                message = value
                return true
            case "iterations":
                var list: [Int] = []
                let ok = parser.array { parser in
                    guard let value = parser.integer() else { return false }
                    list.append(value)
                    return true
                }
                iterations = ok ? list : nil
                return ok
            case "latency":
                if parser.null() { return true }
                var batch: Int?
                let ok = parser.object { parser, key in
                    guard key == "batchSize" else { return parser.skipValue() }
                    batch = parser.integer()
                    return batch != nil
                }
                guard ok, let batch else { return false }
                latency = LatencyMode(batchSize: batch)
                return true
            case "metrics":
                var map: [String: Metric] = [:]
                let ok = parser.object { parser, key in
                    guard let metric = parser.metric() else { return false }
                    map[key] = metric
                    return true
                }
                metrics = ok ? map : nil
                return ok
            case "allocationSites": return parser.optionalSites(into: &sites)
            case "retainSites": return parser.optionalSites(into: &retainSites)
            default: return parser.skipValue()
            }
        }
        guard ok, let name, let status, let iterations, let metrics else { return nil }
        return BenchmarkResult(
            name: name, status: status, message: message, iterations: iterations, latency: latency, metrics: metrics,
            allocationSites: sites, retainSites: retainSites)
    }

    mutating func metric() -> Metric? {
        var unit: String?
        var better: Metric.Better?
        var exact = false
        var samples: [Double]?
        let ok = object { parser, key in
            switch key {
            case "unit": unit = parser.string(); return unit != nil
            case "better":
                better = parser.string().flatMap(Metric.Better.init(rawValue:))
                return better != nil
            case "exact":
                if parser.null() { return true }
                guard let value = parser.bool() else { return false }
                exact = value
                return true
            case "samples": samples = parser.doubles(); return samples != nil
            default: return parser.skipValue()
            }
        }
        guard ok, let unit, let better, let samples else { return nil }
        return Metric(unit: MetricUnit(unit), better: better, exact: exact, samples: samples)
    }
}
