/// A results file: what one run of benchmark executables recorded. A baseline is simply a
/// results file that is kept.
///
///     let file = try ResultsFile.read(contentsOf: "baselines/ExampleBenchmarks.json")
///     for benchmark in file.benchmarks { print(benchmark.name, benchmark[.allocs]?.median ?? 0) }
///
/// The JSON layout is documented in docs/results-format.md. `format` identifies the file
/// kind; `schema` is its major version: a reader rejects a schema it does not know, and
/// ignores fields it does not know within its schema (minor additions).
package struct ResultsFile: Sendable, Equatable {
    /// The `format` value every memgate results file carries.
    package static let formatName = "memgate-results"
    /// The schema major version this code writes. Schema 2 added `allocationSites`.
    package static let currentSchema = 2
    /// The schema major versions this code reads: 1 (no allocation sites) and 2.
    package static let readableSchemas = 1...2

    /// The schema major version this file was read in (written files are always
    /// `currentSchema`).
    package var schema: Int
    /// Where and how the results were produced.
    package var environment: Environment
    /// One entry per benchmark, names unique, in run order.
    package var benchmarks: [BenchmarkResult]
    /// Which shard of a split run this file holds (`memgate run --shard 2/3`), so that
    /// `memgate merge` can tell a missing or repeated shard; nil for a whole run.
    package var shard: ShardPosition?

    /// Creates a results file in the current schema.
    package init(environment: Environment = Environment(), benchmarks: [BenchmarkResult] = []) {
        self.schema = ResultsFile.currentSchema
        self.environment = environment
        self.benchmarks = benchmarks
    }

    /// The benchmark named `name`, if present.
    package subscript(name: String) -> BenchmarkResult? {
        benchmarks.first { $0.name == name }
    }
}

extension ResultsFile: Codable {
    private enum CodingKeys: String, CodingKey { case format, schema, environment, shard, benchmarks }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.memgateSchema(
            format: .format, schema: .schema, name: ResultsFile.formatName, document: "results file",
            readable: ResultsFile.readableSchemas
        ) { schema in
            "schema \(schema) is not supported (this memgate reads schemas \(ResultsFile.readableSchemas.lowerBound)"
                + " to \(ResultsFile.readableSchemas.upperBound)); use a memgate version that matches the file, or re-record it"
        }
        environment = try container.decodeIfPresent(Environment.self, forKey: .environment) ?? Environment()
        shard = try container.decodeIfPresent(ShardPosition.self, forKey: .shard)
        benchmarks = try container.decode([BenchmarkResult].self, forKey: .benchmarks)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ResultsFile.formatName, forKey: .format)
        // This code writes schema 2 whatever schema the file was read in: 2 is a superset.
        try container.encode(ResultsFile.currentSchema, forKey: .schema)
        try container.encode(environment, forKey: .environment)
        try container.encodeIfPresent(shard, forKey: .shard)
        try container.encode(benchmarks, forKey: .benchmarks)
    }
}
