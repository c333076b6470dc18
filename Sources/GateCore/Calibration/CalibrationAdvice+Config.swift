import BenchResults

extension CalibrationAdvice {
    /// The advice as a `baselines/memgate.json` fragment, keys in a fixed order, written by
    /// `JSONWriter` (one key per line, one per-benchmark entry per line).
    package var json: String {
        func thresholdsObject(_ thresholds: [String: Threshold]) -> JSONValue {
            .object(thresholds.keys.sorted().map { ($0, .string(thresholds[$0]!.text)) })
        }
        var members: [(key: String, value: JSONValue)] = [("rounds", JSONValue(rounds))]
        if !thresholds.isEmpty { members.append(("thresholds", thresholdsObject(thresholds))) }
        if let unstableFloor { members.append(("unstableFloor", .string("\(Threshold.number(unstableFloor * 100))%"))) }
        if !benchmarks.isEmpty {
            let entries = benchmarks.map { advice in
                JSONValue.object([("match", .string(advice.name)), ("thresholds", thresholdsObject(advice.thresholds))])
            }
            members.append(("benchmarks", .array(entries)))
        }
        return JSONValue.object(members).written(.readable(expanding: ["benchmarks"])) + "\n"
    }

    /// `config` (a parsed configuration object) with this advice merged in: `rounds` and
    /// `unstableFloor` set, each recommended metric's threshold set in `thresholds` (other
    /// metrics kept), and each per-benchmark entry merged into the entry with the same
    /// `match` (or appended). Every other key is kept as it was.
    package func merged(into config: JSONValue) -> JSONValue {
        var result = config.members == nil ? JSONValue.object([]) : config
        result["rounds"] = JSONValue(rounds)
        if let unstableFloor { result["unstableFloor"] = .string("\(Threshold.number(unstableFloor * 100))%") }
        var suite = result["thresholds"].flatMap { $0.members == nil ? nil : $0 } ?? .object([])
        for (metric, threshold) in thresholds { suite[metric] = .string(threshold.text) }
        if suite.members?.isEmpty == false { result["thresholds"] = suite }
        let existing = result["benchmarks"]?.arrayValue ?? []
        var entries = existing.allSatisfy { $0.members != nil } ? existing : []
        for advice in benchmarks {
            let texts = JSONValue.object(advice.thresholds.keys.sorted().map { ($0, .string(advice.thresholds[$0]!.text)) })
            if let index = entries.firstIndex(where: { $0["match"]?.stringValue == advice.name }) {
                var own = entries[index]["thresholds"].flatMap { $0.members == nil ? nil : $0 } ?? .object([])
                for (metric, text) in texts.members ?? [] { own[metric] = text }
                entries[index]["thresholds"] = own
            } else {
                entries.append(.object([("match", .string(advice.name)), ("thresholds", texts)]))
            }
        }
        if !entries.isEmpty { result["benchmarks"] = .array(entries) }
        return result
    }
}
