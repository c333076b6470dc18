import CLISupport

/// The benchmark executable's parsed and validated command line.
struct BenchmarkOptions {
    var list = false
    var selection: BenchmarkSelection
    var settings = RunSettings()
    var output: String?
    var format = "text"
    var isolated = true
    var quiet = false

    init(_ parsed: ParsedArguments) throws(UsageError) {
        list = parsed.flag("--list")
        selection = try BenchmarkSelection(parsed)
        if let samples = try parsed.int("--samples", in: 1...100_000) {
            settings.samples = samples
            settings.explicitSamples = true
        }
        if let warmup = try parsed.int("--warmup", in: 0...1_000) { settings.warmupSamples = warmup }
        if let sampleTime = try parsed.duration("--sample-time") {
            guard sampleTime > 0 else { throw parsed.usageError("--sample-time: must be greater than 0") }
            settings.sampleTime = sampleTime
            settings.explicitSampleTime = true
        }
        if let budget = try parsed.duration("--time-budget") {
            guard budget > 0 else { throw parsed.usageError("--time-budget: must be greater than 0") }
            settings.timeBudget = budget
        }
        if let timeout = try parsed.duration("--timeout") {
            guard timeout > 0 else { throw parsed.usageError("--timeout: must be greater than 0") }
            settings.timeout = timeout
        }
        output = parsed.value("--output")
        format = try parsed.choice("--format", from: ["text", "json"]) ?? "text"
        isolated = !parsed.flag("--no-isolation")
        settings.countsARC = !parsed.flag("--no-arc")
        if let iterations = try parsed.int("--site-iterations", in: 0...1_000_000) { settings.siteIterations = iterations }
        if parsed.flag("--no-sites") { settings.siteIterations = 0 }
        quiet = parsed.flag("--quiet")
        if quiet && output == nil && !list {
            throw parsed.usageError("--quiet without --output would throw the results away; add --output FILE")
        }
        // A bare number is seconds: catch "--sample-time 10" meant as milliseconds before
        // every benchmark runs into its timeout.
        let expected = settings.expectedSeconds(for: BenchmarkConfiguration())
        if expected > settings.timeout {
            throw parsed.usageError(
                "\(settings.samples) samples of \(settings.sampleTime) s each need about \(Int(expected.rounded(.up))) s per benchmark, "
                    + "more than the \(settings.timeout) s timeout; lower --sample-time (e.g. 10ms) or raise --timeout")
        }
        if !parsed.positionals.isEmpty {
            throw parsed.usageError("unexpected argument '\(parsed.positionals[0])'")
        }
    }

    /// Whether `benchmark` passes --filter and --skip.
    func selects(_ benchmark: Benchmark) -> Bool { selection.selects(benchmark.name) }
}
