extension GoBenchfmt {
    /// Parses Go benchmark output into a results file (see `GoBenchfmt` for the mapping).
    ///
    /// - Parameters:
    ///   - bytes: the text; invalid UTF-8 is replaced, lines may end in LF or CRLF.
    ///   - path: the file's name, for error messages.
    /// - Throws: `ResultsError.malformed` naming `path` and the line when a benchmark line
    ///   has an iteration count but malformed value/unit pairs, a unit repeats on one line,
    ///   a value is negative or not finite, or no benchmark line is found at all.
    /// - Complexity: O(n) in the size of the text.
    package static func read(_ bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        var parser = Parser(path: path)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            let line = String(decoding: bytes[start..<stop], as: UTF8.self)
            try parser.consume(line, number: lineNumber)
            start = end + 1
        }
        return try parser.finish()
    }
}

/// The state of one parse: configuration so far, benchmarks in first-seen order.
private struct Parser {
    struct Entry {
        var name: String
        var package: String?
        var procs: String?
        var iterations: [Int] = []
        var values: [String: [Double]] = [:]
        var unitOrder: [String] = []
        var failed = false
    }

    let path: String
    var environment = Environment()
    var extra: [String: String] = [:]
    var entries: [Entry] = []
    var index: [String: Int] = [:]
    var exactUnits: Set<String> = []
    var higherUnits: Set<String> = []
    /// The package of the last `pkg:` line, if any.
    var currentPackage: String?

    init(path: String) { self.path = path }

    func error(_ line: Int, _ problem: String) -> ResultsError {
        .malformed(path: path, place: "line \(line)", problem: problem)
    }



    mutating func consume(_ line: String, number: Int) throws(ResultsError) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = fields.first else { return }
        if first == "Unit" && fields.count >= 3 {
            let unit = String(fields[1])
            for option in fields.dropFirst(2) {
                if option == "assume=exact" { exactUnits.insert(unit) }
                if option == "better=higher" { higherUnits.insert(unit) }
            }
            return
        }
        if first == "---" && fields.count >= 3 && fields[1] == "FAIL:" && fields[2].hasPrefix("Benchmark") {
            let (name, procs) = splitName(fields[2])
            let entry = entryIndex(name, procs: procs)
            entries[entry].failed = true
            return
        }
        if first.hasPrefix("Benchmark") {
            try benchmarkLine(fields, number: number)
            return
        }
        configLine(line)
    }

    mutating func configLine(_ line: String) {
        guard let colon = line.firstIndex(of: ":"), let head = line.first, head.isLowercase, head.isLetter else { return }
        let key = line[..<colon]
        guard !key.contains(where: { $0 == " " || $0 == "\t" || $0.isUppercase }) else { return }
        let value = String(line[line.index(after: colon)...]).trimmingSpaces()
        switch key {
        case _ where GoBenchfmt.goKeys.contains(String(key)):
            Environment.fields.first { $0.benchfmtKey == key }!.set(value, in: &environment)
        case "pkg":
            currentPackage = value.isEmpty ? nil : value
        default: extra[String(key)] = value.isEmpty ? nil : value  // `key:` alone unsets, as in benchfmt
        }
    }

    mutating func benchmarkLine(_ fields: [Substring], number: Int) throws(ResultsError) {
        guard fields.count >= 2, let iterations = Int(fields[1]) else { return }  // A log line or a bare name.
        guard iterations > 0 else { throw error(number, "iteration count \(iterations) must be positive") }
        guard fields.count >= 4, fields.count % 2 == 0 else {
            throw error(number, "expected \"BenchmarkName N value unit [value unit...]\"")
        }
        let (name, procs) = splitName(fields[0])
        let entry = entryIndex(name, procs: procs)
        var seen: Set<String> = []
        var pending: [(String, Double)] = []
        var i = 2
        while i < fields.count {
            let unit = String(fields[i + 1])
            guard let value = Double(fields[i]), value.isFinite else {
                throw error(number, "\"\(fields[i])\" is not a number (for \(unit))")
            }
            guard value >= 0 || GoBenchfmt.builtInUnits[unit] == nil else {
                throw error(number, "\(value) \(unit) is negative")
            }
            guard seen.insert(unit).inserted else { throw error(number, "unit \(unit) appears twice") }
            pending.append((unit, value))
            i += 2
        }
        entries[entry].iterations.append(iterations)
        let sampleIndex = entries[entry].iterations.count - 1
        for (unit, value) in pending {
            if entries[entry].values[unit] == nil {
                entries[entry].unitOrder.append(unit)
                if sampleIndex > 0 {
                    throw error(number, "\(unit) is missing from earlier lines of this benchmark")
                }
            }
            entries[entry].values[unit, default: []].append(value)
        }
        for unit in entries[entry].unitOrder where entries[entry].values[unit]!.count != sampleIndex + 1 {
            throw error(number, "\(unit) is missing from this line but present on earlier lines of this benchmark")
        }
    }

    /// `BenchmarkX/y-8` -> (`X/y`, `8`).
    func splitName(_ field: Substring) -> (String, String?) {
        var name = field.dropFirst("Benchmark".count)
        var procs: String?
        if let dash = name.lastIndex(of: "-") {
            let digits = name[name.index(after: dash)...]
            if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                procs = String(digits)
                name = name[..<dash]
            }
        }
        return (name.isEmpty ? "Benchmark" : String(name), procs)
    }

    mutating func entryIndex(_ name: String, procs: String?) -> Int {
        let key = (currentPackage.map { "\($0)\u{0}" } ?? "") + (procs.map { "\(name)-\($0)" } ?? name)
        if let existing = index[key] { return existing }
        entries.append(Entry(name: name, package: currentPackage, procs: procs))
        index[key] = entries.count - 1
        return entries.count - 1
    }

    func finish() throws(ResultsError) -> ResultsFile {
        guard !entries.isEmpty else {
            throw .malformed(
                path: path, place: "",
                problem: "neither a memgate results file (JSON) nor Go benchmark output (no Benchmark lines)")
        }
        let procsValues = Set(entries.compactMap(\.procs))
        let stripProcs = procsValues.count <= 1
        var environment = self.environment
        var extra = self.extra
        if stripProcs, let procs = procsValues.first { extra["gomaxprocs"] = procs }
        let distinctPackages = Set(entries.map(\.package))
        if distinctPackages.count == 1, let only = distinctPackages.first, let package = only { extra["pkg"] = package }
        environment.extra = extra.isEmpty ? nil : extra
        var results: [BenchmarkResult] = []
        for entry in entries {
            var name = stripProcs ? entry.name : entry.procs.map { "\(entry.name)-\($0)" } ?? entry.name
            if distinctPackages.count > 1, let package = entry.package { name = "\(package).\(name)" }
            var metrics: [String: Metric] = [:]
            for unit in entry.unitOrder {
                let values = entry.values[unit]!
                metrics[metricName(unit)] = metric(unit: unit, values: values)
            }
            let failed = entry.failed || entry.iterations.isEmpty
            results.append(BenchmarkResult(
                name: name, status: failed ? .failed : .ok, message: failed ? "--- FAIL in go test output" : nil,
                iterations: entry.iterations, metrics: metrics))
        }
        let file = ResultsFile(environment: environment, benchmarks: results)
        do { try file.validate() } catch { throw error.at(path: path) }
        return file
    }

    func metricName(_ unit: String) -> String {
        GoBenchfmt.builtInUnits[unit]?.rawValue ?? unit
    }

    func metric(unit: String, values: [Double]) -> Metric {
        switch GoBenchfmt.builtInUnits[unit] {
        case .throughput?:  // Go's MB/s; ours is B/s.
            let properties = MetricID.throughput.properties
            return Metric(unit: .bytesPerSecond, better: properties.better, exact: properties.exact, samples: values.map { $0 * 1e6 })
        case let id?:
            let properties = id.properties
            return Metric(unit: properties.unit!, better: properties.better, exact: properties.exact, samples: values)
        default:
            let higher = higherUnits.contains(unit) || unit.hasSuffix("/s")
            return Metric(unit: MetricUnit(unit), better: higher ? .higher : .lower, exact: exactUnits.contains(unit), samples: values)
        }
    }
}

extension String {
    /// This string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        guard let start = firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[start...end])
    }
}
