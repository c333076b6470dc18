import BenchResults
import Foundation

extension HistoryEntry {
    /// Checks the invariants readers of a history rely on and throws the first violation,
    /// naming its place in the line (`benchmarks[2] "sort".metrics.time.median`):
    /// - `commit` has no whitespace or control characters; `date` is ISO 8601;
    /// - `baselineHash` is empty or lower-case hex digits;
    /// - benchmark names are non-empty and unique, metric names and units non-empty;
    /// - every value is finite and `min <= median <= max`.
    package func validate() throws(ResultsError) {
        if !HistoryEntry.isValidCommit(commit) {
            throw .invalid(place: "commit", problem: "\"\(commit)\" contains whitespace or control characters")
        }
        if HistoryEntry.normalizedDate(date) == nil {
            throw .invalid(place: "date", problem: "\"\(date)\" is not an ISO 8601 date and time (2026-12-02T14:00:00Z)")
        }
        if !baselineHash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            throw .invalid(place: "baseline", problem: "\"\(baselineHash)\" is not empty or lower-case hex digits")
        }
        var seen: [String: Int] = [:]
        for (index, benchmark) in benchmarks.enumerated() {
            let place = "benchmarks[\(index)] \"\(benchmark.name)\""
            if benchmark.name.isEmpty { throw .invalid(place: place, problem: "the name is empty") }
            if let first = seen.updateValue(index, forKey: benchmark.name) {
                throw .invalid(place: place, problem: "duplicate benchmark name (also benchmarks[\(first)])")
            }
            for name in benchmark.metrics.keys.sorted() {
                try benchmark.metrics[name]!.validate(place: "\(place).metrics.\(name)", name: name)
            }
        }
    }

    /// Whether `text` can be stored as a commit: no whitespace or control characters (any
    /// revision text, a SHA or a tag; empty means unknown).
    package static func isValidCommit(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }

    /// `text` as ISO 8601 in UTC without fractional seconds (`2026-12-02T14:00:00Z`), or nil
    /// when it is not an ISO 8601 date and time. An offset is converted
    /// (`2026-12-02T16:00:00+02:00` gives `2026-12-02T14:00:00Z`).
    package static func normalizedDate(_ text: String) -> String? {
        (try? Date(text, strategy: .iso8601)).map(isoDate)
    }

    /// `date` as ISO 8601 in UTC to the second (`2026-12-02T14:00:00Z`), the form entries store.
    package static func isoDate(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension HistoryEntry.MetricSummary {
    fileprivate func validate(place: String, name: String) throws(ResultsError) {
        if name.isEmpty { throw .invalid(place: place, problem: "the metric name is empty") }
        if unit.text.isEmpty { throw .invalid(place: "\(place).unit", problem: "the unit is empty") }
        for (field, value) in [("median", median), ("min", min), ("max", max)] where !value.isFinite {
            throw .invalid(place: "\(place).\(field)", problem: "\(value) is not a finite number")
        }
        guard min <= median, median <= max else {
            throw .invalid(place: place, problem: "min \(min), median \(median), max \(max) are not in order")
        }
    }
}
