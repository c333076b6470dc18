import BenchResults

extension GoBenchfmt {
    /// Writes `file` as Go benchmark text that benchstat reads.
    ///
    /// - Configuration lines first: `goos`, `goarch`, `cpu` from the environment, then the
    ///   other known fields (`kernel`, `cores`, `swift`, `build`, `commit`, `dirty`, `date`,
    ///   `allocator`, `benchkit`) and `extra`, keys sorted. Keys follow benchfmt's rules
    ///   (lower-case first letter, no spaces or upper-case letters: `Odd Key` is written
    ///   `odd-key`); values are kept to one line.
    /// - A `Unit U assume=exact` line for every exact metric's unit and
    ///   `Unit U better=higher` for higher-is-better ones; `Unit U metric=NAME` for a unit
    ///   made from a metric's name and unit (`Unit cpu-ns/op metric=cpu`), so that reading
    ///   the file back gives the same metrics (`memgate check` reads it against a JSON baseline).
    /// - One line per sample: `Benchmark<Name>[-N] <iterations> <value> <unit> ...`. Names
    ///   are made safe: whitespace and control characters become `_`; otherwise they are
    ///   kept exactly (`Benchmarksort/n=1000` reads back as `sort/n=1000`, as in benchstat).
    ///   `-N` is appended when `extra["gomaxprocs"]` is set.
    /// - Units: `time` is `ns/op`, `bytes` `B/op`, `allocs` `allocs/op`, a `B/s` throughput
    ///   `MB/s` (value / 1e6); every other metric gets a unit that names it
    ///   (`cpu-ns/op`, `p99-ns`, `peakRSS-B`), because benchfmt keys values by unit.
    ///   Benchmarks that did not complete are written as `--- FAIL:` lines.
    package static func write(_ file: ResultsFile) -> String {
        var out = ""
        let environment = file.environment
        var config: [(String, String)] = []
        var other: [String: String] = environment.extra ?? [:]
        other["gomaxprocs"] = nil
        for field in Environment.fields {
            guard let value = field.text(in: environment) else { continue }
            if goKeys.contains(field.benchfmtKey) {
                config.append((field.benchfmtKey, field.benchfmtKey == "goos" ? value.lowercased() : value))
            } else {
                other[field.benchfmtKey] = value
            }
        }
        for key in other.keys.sorted() { config.append((safeKey(key), other[key]!)) }
        for (key, value) in config { out += "\(key): \(singleLine(value))\n" }

        var unitLines: [String] = []
        var seenUnits: Set<String> = []
        for benchmark in file.benchmarks {
            for name in benchmark.orderedMetricNames {
                let metric = benchmark.metrics[name]!
                let unit = goUnit(name: name, metric: metric).unit
                guard seenUnits.insert(unit).inserted else { continue }
                if builtInUnits[unit] == nil && unit != safeUnit(name) { unitLines.append("Unit \(unit) metric=\(safeUnit(name))") }
                if metric.exact { unitLines.append("Unit \(unit) assume=exact") }
                if metric.better == .higher && !unit.hasSuffix("/s") { unitLines.append("Unit \(unit) better=higher") }
            }
        }
        for line in unitLines { out += line + "\n" }

        let procs = environment.extra?["gomaxprocs"].map { "-\($0)" } ?? ""
        for benchmark in file.benchmarks {
            let name = "Benchmark" + safeName(benchmark.name) + procs
            guard benchmark.status == .ok else {
                out += "--- FAIL: \(name)\n    \(benchmark.status.rawValue)\(benchmark.message.map { ": " + singleLine($0) } ?? "")\n"
                continue
            }
            let count = benchmark.metrics.values.map(\.samples.count).max() ?? 0
            for sample in 0..<count {
                let iterations = sample < benchmark.iterations.count ? benchmark.iterations[sample] : 1
                var line = "\(name)\t\(iterations)"
                for metricName in benchmark.orderedMetricNames {
                    let metric = benchmark.metrics[metricName]!
                    guard sample < metric.samples.count else { continue }
                    let (unit, scale) = goUnit(name: metricName, metric: metric)
                    line += "\t\(number(metric.samples[sample] / scale)) \(unit)"
                }
                out += line + "\n"
            }
        }
        return out
    }

    /// The benchfmt unit for a metric, and the divisor that converts its values to that unit.
    static func goUnit(name: String, metric: Metric) -> (unit: String, scale: Double) {
        if let go = goUnits.first(where: { $0.metric.rawValue == name && $0.unit == metric.unit }) { return (go.text, go.factor) }
        return MetricID(rawValue: name) == nil && !builtInUnits.keys.contains(metric.unit.text) && metric.unit.text == name
            ? (safeUnit(name), 1)
            : (safeUnit("\(name)-\(metric.unit.text)"), 1)
    }

    /// A benchmark name benchfmt can hold: fields are split on whitespace, so whitespace and
    /// control characters become `_`. (benchfmt readers take everything after the
    /// `Benchmark` prefix up to the first space as the name, whatever its first character.)
    static func safeName(_ name: String) -> String {
        String(name.map { $0.isWhitespace || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? "_" : $0 })
    }

    static func safeUnit(_ unit: String) -> String {
        String(unit.map { $0.isWhitespace ? "_" : $0 })
    }

    static func safeKey(_ key: String) -> String {
        var text = ""
        for character in key {
            if character.isWhitespace || character == ":" {
                text += "-"
            } else if character.isUppercase {
                text += character.lowercased()
            } else {
                text.append(character)
            }
        }
        if let first = text.first, !(first.isLetter && first.isLowercase) { text = "x" + text }
        return text
    }

    static func singleLine(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 })
    }

    /// Shortest round-tripping decimal; integral values without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
