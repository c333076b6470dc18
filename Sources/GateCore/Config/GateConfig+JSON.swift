import BenchResults

extension GateConfig {
    /// The largest configuration file accepted (1 MiB).
    package static let sizeLimit = 1 << 20
    /// The significance levels accepted, the same in the file as by `--alpha` (a smaller
    /// level could not be reached by any number of samples a run takes).
    package static let alphaRange = 1e-12...0.5

    /// Parses a configuration document.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: the file's name, for error messages.
    /// - Throws: `ConfigError` naming `path`, the key path and the bad value: anything but
    ///   strict JSON (`StrictJSON`: duplicate keys, trailing commas..., with the line and
    ///   column), unknown keys, values of the wrong type, unparsable thresholds, alpha outside
    ///   `alphaRange` (the range `--alpha` accepts).
    package init(json bytes: [UInt8], path: String) throws(ConfigError) {
        let root: JSONValue
        do { root = try StrictJSON.parse(bytes) } catch {
            throw ConfigError(path: path, keyPath: error.place, problem: error.problem)
        }
        var reader = ConfigReader(path: path)
        self = try reader.config(root)
    }
}

extension GateConfig {
    /// Parses an unstable-metric floor: a percentage alone (`"20%"` is 0.2).
    ///
    /// - Throws: `ThresholdError` for anything else (an amount, `off`, no percentage).
    package static func parseFloor(_ text: String) throws(ThresholdError) -> Double {
        let threshold = try Threshold(parsing: text)
        guard !threshold.isOff, threshold.amount == nil, let fraction = threshold.fraction else {
            throw ThresholdError(text: text, problem: "is not a percentage alone, like 20%")
        }
        return fraction
    }
}

/// Walks the parsed JSON, checking keys and types and naming the key path on failure.
private struct ConfigReader {
    let path: String

    func fail(_ keyPath: String, _ problem: String) -> ConfigError {
        ConfigError(path: path, keyPath: keyPath, problem: problem)
    }

    func object(_ value: JSONValue, at keyPath: String, allowed: [String]) throws(ConfigError) -> [String: JSONValue] {
        guard let members = value.members else { throw fail(keyPath, "expected an object, found \(value.described)") }
        let object = Dictionary(members, uniquingKeysWith: { first, _ in first })  // Keys are unique: StrictJSON.
        for key in object.keys.sorted() where !allowed.contains(key) {
            let place = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            throw fail(place, "unknown key \"\(key)\" (known: \(allowed.joined(separator: ", ")))")
        }
        return object
    }

    func string(_ value: JSONValue, at keyPath: String) throws(ConfigError) -> String {
        guard let text = value.stringValue else { throw fail(keyPath, "expected a string, found \(value.described)") }
        return text
    }

    mutating func config(_ root: JSONValue) throws(ConfigError) -> GateConfig {
        let keys = ["thresholds", "alpha", "inconclusive", "noisy", "unstableFloor", "allowMissing", "rounds", "benchmarks",
                    "executables"]
        let object = try object(root, at: "", allowed: keys)
        var config = GateConfig()
        if let value = object["thresholds"] { config.thresholds = try thresholds(value, at: "thresholds") }
        if let value = object["alpha"] {
            guard let alpha = value.numberValue else { throw fail("alpha", "expected a number, found \(value.described)") }
            guard GateConfig.alphaRange.contains(alpha) else {
                throw fail("alpha", "\(alpha) is not in [\(GateConfig.alphaRange.lowerBound), \(GateConfig.alphaRange.upperBound)]")
            }
            config.alpha = alpha
        }
        if let value = object["inconclusive"] {
            let text = try string(value, at: "inconclusive")
            guard let policy = InconclusivePolicy(rawValue: text) else {
                throw fail("inconclusive", "\"\(text)\" is not one of pass, fail, report")
            }
            config.inconclusive = policy
        }
        if let value = object["noisy"] {
            if let object = value.members {
                try noisyByMetric(object, into: &config)
            } else {
                config.noisy = try noisyPolicy(value, at: "noisy", expected: "\"gate\", \"report\" or an object of metric: policy")
            }
        }
        if let value = object["unstableFloor"] {
            let text = try string(value, at: "unstableFloor")
            do { config.unstableFloor = try GateConfig.parseFloor(text) } catch { throw fail("unstableFloor", "\(error)") }
        }
        if let value = object["allowMissing"] {
            guard case .bool(let flag) = value else { throw fail("allowMissing", "expected true or false, found \(value.described)") }
            config.allowMissing = flag
        }
        if let value = object["rounds"] {
            guard let number = value.numberValue, number == number.rounded() else {
                throw fail("rounds", "expected a whole number, found \(value.described)")
            }
            guard (1...1000).contains(number) else { throw fail("rounds", "\(value.described) is not in 1...1000") }
            config.rounds = Int(number)
        }
        if let value = object["benchmarks"] { config.benchmarks = try overrides(value) }
        if let value = object["executables"] {
            guard let list = value.arrayValue else { throw fail("executables", "expected an array of strings, found \(value.described)") }
            for (index, entry) in list.enumerated() {
                config.executables.append(try string(entry, at: "executables[\(index)]"))
            }
        }
        return config
    }

    /// The `benchmarks` array: `{"match": GLOB, "thresholds": {...}}` entries, in file order.
    func overrides(_ value: JSONValue) throws(ConfigError) -> [GateConfig.Override] {
        guard let list = value.arrayValue else { throw fail("benchmarks", "expected an array, found \(value.described)") }
        var result: [GateConfig.Override] = []
        for (index, entry) in list.enumerated() {
            let place = "benchmarks[\(index)]"
            let fields = try self.object(entry, at: place, allowed: ["match", "thresholds"])
            guard let match = fields["match"] else { throw fail(place, "missing \"match\" (a benchmark-name glob)") }
            let pattern = try string(match, at: "\(place).match")
            guard !pattern.isEmpty else { throw fail("\(place).match", "the pattern is empty") }
            let overrides = try fields["thresholds"].map { v throws(ConfigError) in
                try thresholds(v, at: "\(place).thresholds")
            } ?? [:]
            result.append(GateConfig.Override(match: Glob(pattern), thresholds: overrides))
        }
        return result
    }

    func noisyPolicy(
        _ value: JSONValue, at keyPath: String, expected: String = "\"gate\" or \"report\""
    ) throws(ConfigError) -> NoisyPolicy {
        guard let text = value.stringValue else { throw fail(keyPath, "expected \(expected), found \(value.described)") }
        guard let policy = NoisyPolicy(rawValue: text) else { throw fail(keyPath, "\"\(text)\" is not one of gate, report") }
        return policy
    }

    /// `"noisy": {"*": "report", "peakRSS": "gate"}`: `*` sets `noisy`, other keys are
    /// per-metric exceptions. Built-in exact metrics are rejected: no policy applies to them.
    func noisyByMetric(_ members: [(key: String, value: JSONValue)], into config: inout GateConfig) throws(ConfigError) {
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            let place = "noisy.\(key)"
            let policy = try noisyPolicy(value, at: place)
            if key == "*" {
                config.noisy = policy
                continue
            }
            guard !key.isEmpty else { throw fail(place, "the metric name is empty; use \"*\" for every noisy metric") }
            if let id = MetricID(rawValue: key), id.isExact {
                throw fail(place, "\(key) is an exact metric, always gated by its threshold; "
                    + "to only show it, set \"thresholds\": {\"\(key)\": \"off\"}")
            }
            config.noisyByMetric[key] = policy
        }
    }

    func thresholds(_ value: JSONValue, at keyPath: String) throws(ConfigError) -> [String: Threshold] {
        guard let members = value.members else {
            throw fail(keyPath, "expected an object of metric: threshold, found \(value.described)")
        }
        var result: [String: Threshold] = [:]
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            let place = "\(keyPath).\(key)"
            guard !key.isEmpty else { throw fail(place, "the metric name is empty") }
            let text = try string(value, at: place)
            do {
                let threshold = try Threshold(parsing: text)
                try ThresholdDefaults.checkUnit(threshold, metric: key)
                result[key] = threshold
            } catch { throw fail(place, "\(error)") }
        }
        return result
    }
}
