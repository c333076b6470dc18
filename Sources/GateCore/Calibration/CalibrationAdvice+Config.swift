import Foundation

extension CalibrationAdvice {
    /// The advice as a `baselines/memgate.json` fragment, keys in a fixed order.
    package var json: String {
        func thresholdsObject(_ thresholds: [String: Threshold]) -> String {
            "{" + thresholds.keys.sorted().map { "\(Escape.json($0)): \(Escape.json(thresholds[$0]!.text))" }.joined(separator: ", ") + "}"
        }
        var lines = ["  \"rounds\": \(rounds)"]
        if !thresholds.isEmpty { lines.append("  \"thresholds\": " + thresholdsObject(thresholds)) }
        if let unstableFloor { lines.append("  \"unstableFloor\": \"\(Threshold.number(unstableFloor * 100))%\"") }
        if !benchmarks.isEmpty {
            let entries = benchmarks.map { "    {\"match\": \(Escape.json($0.name)), \"thresholds\": \(thresholdsObject($0.thresholds))}" }
            lines.append("  \"benchmarks\": [\n" + entries.joined(separator: ",\n") + "\n  ]")
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// `config` (a decoded configuration object) with this advice merged in: `rounds` and
    /// `unstableFloor` set, each recommended metric's threshold set in `thresholds` (other
    /// metrics kept), and each per-benchmark entry merged into the entry with the same
    /// `match` (or appended). Every other key is kept as it was.
    package func merged(into config: [String: Any]) -> [String: Any] {
        var result = config
        result["rounds"] = rounds
        if let unstableFloor { result["unstableFloor"] = "\(Threshold.number(unstableFloor * 100))%" }
        var suite = result["thresholds"] as? [String: Any] ?? [:]
        for (metric, threshold) in thresholds { suite[metric] = threshold.text }
        if !suite.isEmpty { result["thresholds"] = suite }
        var entries = result["benchmarks"] as? [[String: Any]] ?? []
        for advice in benchmarks {
            let texts = advice.thresholds.mapValues(\.text) as [String: Any]
            if let index = entries.firstIndex(where: { $0["match"] as? String == advice.name }) {
                var own = entries[index]["thresholds"] as? [String: Any] ?? [:]
                own.merge(texts) { _, new in new }
                entries[index]["thresholds"] = own
            } else {
                entries.append(["match": advice.name, "thresholds": texts])
            }
        }
        if !entries.isEmpty { result["benchmarks"] = entries }
        return result
    }
}
