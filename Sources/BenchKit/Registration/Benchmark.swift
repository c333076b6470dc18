/// A registered benchmark: a name, its settings and its body.
public struct Benchmark {
    /// The body: setup, one `for _ in b.loop { ... }`, teardown.
    public typealias Body = (Bench) async throws -> Void

    /// Full name, `/`-separated: `"sort/n=1000"`.
    public let name: String
    /// Settings that override the run's defaults.
    public let configuration: BenchmarkConfiguration
    let body: Body

    init(name: String, configuration: BenchmarkConfiguration, body: @escaping Body) {
        self.name = name
        self.configuration = configuration
        self.body = body
    }
}
