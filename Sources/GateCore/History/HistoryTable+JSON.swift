import BenchResults
import GateFormats

extension HistoryTable {
    /// The `--format json` document: per section, each shown metric's series
    /// (`History.series(benchmark:metric:)`), written by `JSONWriter` in its `.pretty` style
    /// (keys sorted):
    ///
    ///     {"format": "memgate-history-series", "runs": 200,
    ///      "benchmarks": [{"name": "json/encode",
    ///                      "metrics": {"allocs": [{"commit": "…", "date": "…", "median": 3, "min": 3, "max": 3,
    ///                                              "unit": "allocs/op", "baselineUpdate": false}, …]}}]}
    ///
    /// With `changes`, the document also has `alpha`, and each benchmark `changes`: per metric
    /// `SeriesChanges.changesJSON` (`method` and `shifts`).
    package func json(history: History, changes: Changes? = nil) -> String {
        let benchmarks = sections.map { section in
            var members: [(key: String, value: JSONValue)] = [
                ("name", .string(section.benchmark)),
                ("metrics", .object(section.metrics.map { metric in
                    (metric, .array(history.series(benchmark: section.benchmark, metric: metric).map(Self.jsonValue)))
                })),
            ]
            if let changes {
                members.append(("changes", .object((changes.series[section.benchmark] ?? []).map { ($0.metric, $0.changesJSON) })))
            }
            return JSONValue.object(members)
        }
        var document = JSONValue.object([
            ("format", .string("memgate-history-series")), ("runs", JSONValue(runCount)), ("benchmarks", .array(benchmarks)),
        ])
        if let changes { document["alpha"] = JSONValue(changes.alpha) }
        return document.written(.pretty) + "\n"
    }

    private static func jsonValue(_ point: HistoryPoint) -> JSONValue {
        .object([
            ("commit", .string(point.commit)), ("date", .string(point.date)), ("median", JSONValue(point.median)),
            ("min", JSONValue(point.min)), ("max", JSONValue(point.max)), ("unit", .string(point.unit.text)),
            ("baselineUpdate", .bool(point.baselineUpdate)),
        ])
    }
}
