import BenchResults

extension HistoryEntry {
    /// Why a history line's JSON is not an entry: where (`benchmarks[0].metrics.time.median`,
    /// empty for the line itself) and what, in the words results files use.
    package struct DecodingProblem: Error {
        /// The key path of the offending value; empty for the line's object.
        package var place: String
        /// What is wrong (`expected a string, found null`, `missing required field "date"`).
        package var problem: String
    }

    /// The entry a history line holds, from its tree (`StrictJSON.parse`). Keys this schema
    /// does not know are ignored, so lines a newer memgate wrote within the schema are read.
    ///
    /// - Throws: `DecodingProblem` for a line that is not a memgate history line (`format`),
    ///   a schema outside `readableSchemas`, a missing field or a value of the wrong type.
    ///   The entry is not validated (`validate()` does that).
    package init(json line: JSONValue) throws(DecodingProblem) {
        let fields = try Self.object(line, at: "")
        guard fields["format"]?.stringValue == HistoryEntry.formatName else {
            throw DecodingProblem(
                place: "format", problem: "not a memgate history line (expected \"format\": \"\(HistoryEntry.formatName)\")")
        }
        let schemaValue = try Self.field(fields, "schema", at: "", as: "a number") { $0.numberValue }
        guard let schema = Int(exactly: schemaValue), HistoryEntry.readableSchemas.contains(schema) else {
            throw DecodingProblem(place: "schema", problem: "history schema \(JSONWriter.number(schemaValue)) is not supported "
                + "(this memgate reads schema \(HistoryEntry.readableSchemas.upperBound)); use a memgate version that matches the file")
        }
        self.init(commit: try Self.field(fields, "commit", at: "", as: "a string") { $0.stringValue },
                  date: try Self.field(fields, "date", at: "", as: "a string") { $0.stringValue },
                  baselineHash: try Self.field(fields, "baseline", at: "", as: "a string") { $0.stringValue },
                  benchmarks: try Self.benchmarks(fields))
        self.schema = schema
    }

    private static func benchmarks(_ fields: [String: JSONValue]) throws(DecodingProblem) -> [Benchmark] {
        let list = try field(fields, "benchmarks", at: "", as: "an array") { $0.arrayValue }
        var benchmarks: [Benchmark] = []
        for (index, element) in list.enumerated() {
            let place = "benchmarks[\(index)]"
            let benchmark = try object(element, at: place)
            let name = try field(benchmark, "name", at: place, as: "a string") { $0.stringValue }
            let metrics = try field(benchmark, "metrics", at: place, as: "an object") { $0.members }
            var summaries: [String: MetricSummary] = [:]
            for (metric, value) in metrics {
                summaries[metric] = try summary(value, at: "\(place).metrics.\(metric)")
            }
            benchmarks.append(Benchmark(name: name, metrics: summaries))
        }
        return benchmarks
    }

    private static func summary(_ value: JSONValue, at place: String) throws(DecodingProblem) -> MetricSummary {
        let fields = try object(value, at: place)
        func number(_ key: String) throws(DecodingProblem) -> Double {
            try field(fields, key, at: place, as: "a number") { $0.numberValue }
        }
        let unit = try field(fields, "unit", at: place, as: "a string") { $0.stringValue }
        var better: Metric.Better?
        if fields["better"] != nil {
            better = try field(fields, "better", at: place, as: "\"lower\" or \"higher\"") { $0.stringValue.flatMap(Metric.Better.init) }
        }
        var exact: Bool?
        if fields["exact"] != nil {
            exact = try field(fields, "exact", at: place, as: "true or false") { value in
                if case .bool(let flag) = value { flag } else { nil }
            }
        }
        return MetricSummary(unit: MetricUnit(unit), median: try number("median"), min: try number("min"), max: try number("max"),
                             better: better, exact: exact)
    }

    /// The members of the object `value` at `place` (keys are unique: `StrictJSON`).
    private static func object(_ value: JSONValue, at place: String) throws(DecodingProblem) -> [String: JSONValue] {
        guard let members = value.members else { throw DecodingProblem(place: place, problem: "expected an object") }
        return Dictionary(members, uniquingKeysWith: { first, _ in first })
    }

    /// The field `key` of `fields` (the object at `place`) as `read` converts it.
    private static func field<T>(
        _ fields: [String: JSONValue], _ key: String, at place: String, as expected: String, _ read: (JSONValue) -> T?
    ) throws(DecodingProblem) -> T {
        guard let value = fields[key] else { throw DecodingProblem(place: place, problem: "missing required field \"\(key)\"") }
        if let converted = read(value) { return converted }
        let keyPlace = place.isEmpty ? key : "\(place).\(key)"
        throw DecodingProblem(place: keyPlace, problem: value == .null ? "expected \(expected), found null" : "expected \(expected)")
    }
}
