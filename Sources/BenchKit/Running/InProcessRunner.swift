import BenchResults

/// Runs one benchmark in the calling process and turns its samples into a result.
enum InProcessRunner {
    /// Runs `benchmark` under `plan`. Never throws: a thrown error or a misused loop
    /// becomes a result with status `failed` and a message saying what happened.
    ///
    /// - Parameters:
    ///   - linesFrom: the parent process whose `LineServer` reads the sites' source lines
    ///     (a child of isolation); nil reads them in this process.
    ///   - savePartial: called before each pass after the kept samples with the
    ///     result so far (its samples and the reference-counting counts; no sites, no custom
    ///     metrics; its message names the pass), and with nil once the last pass ended; on a
    ///     thread of its own, while the benchmark's thread waits (`SideThread`).
    static func run(
        _ benchmark: Benchmark, plan: SamplingPlan, linesFrom parent: Int32? = nil,
        savePartial: ((BenchmarkResult?) -> Void)? = nil
    ) async -> BenchmarkResult {
        let bench = Bench(name: benchmark.name, plan: plan)
        // The saves run on a thread of their own, so they leave the measured thread's heap
        // as the samples left it (`SideThread`).
        let saver = savePartial.map { savePartial in
            SideThread<(Sampler, String?)> { sampler, pass in
                guard let pass else { return savePartial(nil) }
                // No sites: symbolizing them here would only be done again for the result.
                var partial = result(benchmark, sampler: sampler, customMetrics: [:], sites: false)
                partial.message = pass
                savePartial(partial)
            }
        }
        defer { saver?.finish() }
        if let saver {
            bench.sampler.passWillStart = { sampler, pass in saver.run((sampler, pass)) }
        }
        // A body that leaves the loop during a pass must not leave the hooks counting or the
        // recorder recording.
        defer { bench.sampler.abandonPasses() }
        do {
            try await benchmark.body(bench)
        } catch {
            return failure(benchmark.name, "the body threw: \(error)")
        }
        let sampler = bench.sampler
        if let misuse = sampler.misuse { return failure(benchmark.name, misuse) }
        if !sampler.wasEntered {
            return failure(benchmark.name, "the body never ran `for _ in b.loop`; the loop is what gets measured")
        }
        if !sampler.isFinished {
            return failure(
                benchmark.name,
                "the body left `for _ in b.loop` before the harness ended it (break, return or throw inside the loop)")
        }
        if let problem = bench.reportError { return failure(benchmark.name, problem) }
        return result(benchmark, sampler: sampler, customMetrics: bench.customMetrics, linesFrom: parent)
    }

    /// The result of what `sampler` has measured so far; with `sites`, its stacks symbolized.
    private static func result(
        _ benchmark: Benchmark, sampler: Sampler, customMetrics: [String: Metric], sites: Bool = true,
        linesFrom parent: Int32? = nil
    ) -> BenchmarkResult {
        var result = ResultBuilder.result(
            name: benchmark.name, records: sampler.records, arcPass: sampler.arcPass, stacks: sites ? sampler.recordedStacks : nil,
            retainStacks: sites ? sampler.recordedRetainStacks : nil,
            latencyBatchSize: sampler.latencyBatchSize,
            throughput: benchmark.configuration.throughput, customMetrics: customMetrics, linesFrom: parent)
        // The reference-counting counts left out say why, so a gate that misses them can too.
        result.message = sampler.arcPassProblem
        return result
    }

    private static func failure(_ name: String, _ message: String) -> BenchmarkResult {
        BenchmarkResult(name: name, status: .failed, message: message)
    }
}
