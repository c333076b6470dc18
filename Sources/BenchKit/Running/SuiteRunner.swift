import AddressSymbols
import BaseSystem
import BenchResults
import CLISupport
import Foundation

/// Runs a list of benchmarks, each in its own child process (the default) or in this
/// process, and collects their results in order. A benchmark that crashes, hangs or fails
/// gets a result with that status; the others still run.
struct SuiteRunner {
    var settings: RunSettings
    /// Where children write their reports; nil runs every benchmark in this process.
    var workDirectory: String?
    var progress: ProgressLine

    /// Runs `benchmarks` in order. Isolated with the site passes on, this process answers its
    /// children's requests for source lines meanwhile (`LineServer`), so the debug
    /// information's tables are built once per run instead of once per benchmark.
    func run(_ benchmarks: [Benchmark]) async -> [BenchmarkResult] {
        #if os(Linux)
        let lines = workDirectory != nil && settings.siteIterations > 0
            ? LineServer(base: Symbolizer.mainBase(anchor: SiteProfile.anchor)) : nil
        defer { lines?.stop() }
        #endif
        let started = ProbeSyscalls.monotonicNanoseconds()
        var results: [BenchmarkResult] = []
        for (index, benchmark) in benchmarks.enumerated() {
            let elapsed = Double(ProbeSyscalls.monotonicNanoseconds() - started) / 1e9
            progress.update("[\(index + 1)/\(benchmarks.count)] \(benchmark.name)  (\(Self.seconds(elapsed)) elapsed)")
            let share = settings.timeBudget.map { max(0, $0 - elapsed) / Double(benchmarks.count - index) }
            if let problem = RunSettings.problem(in: benchmark.configuration) {
                results.append(BenchmarkResult(name: benchmark.name, status: .failed, message: problem))
                continue
            }
            let plan = settings.plan(for: benchmark.configuration, budgetShare: share)
            if let workDirectory {
                let report = "\(workDirectory)/\(index).json"
                results.append(runIsolated(benchmark, plan: plan, reportPath: report))
            } else {
                results.append(await InProcessRunner.run(benchmark, plan: plan))
            }
        }
        progress.finish()
        return results
    }

    /// Runs `benchmark` in a child process: this executable, told which benchmark to run
    /// and where to write its result.
    private func runIsolated(_ benchmark: Benchmark, plan: SamplingPlan, reportPath: String) -> BenchmarkResult {
        let timeout = settings.timeout(for: benchmark.configuration)
        let arguments = ChildInvocation(name: benchmark.name, reportPath: reportPath, plan: plan, parent: getpid()).arguments
        // The child's standard output goes to our standard error: a benchmark that prints
        // cannot corrupt the report on standard output.
        let child = ChildProcess(executable: Self.executablePath, arguments: arguments, output: .parentError)
        let termination: ChildProcess.Termination?
        do { termination = try child.start().wait(timeout: timeout) } catch {
            return BenchmarkResult(name: benchmark.name, status: .failed,
                                   message: "could not start the benchmark process: \(String(cString: strerror(error.code)))")
        }
        func status(_ status: BenchmarkStatus, _ message: String) -> BenchmarkResult {
            ChildInvocation.partialResult(reportPath, expectedName: benchmark.name, status: status, what: message)
                ?? BenchmarkResult(name: benchmark.name, status: status, message: message)
        }
        switch termination {
        case nil:
            let remedy = benchmark.configuration.timeout == nil ? "raise it with --timeout" : "set by the benchmark's configuration"
            return status(.timeout, "killed after the \(Self.seconds(timeout)) timeout (\(remedy))")
        case let .signaled(signal):
            return status(.crashed, "killed by \(ChildProcess.Termination.describe(signal: signal))")
        case let .exited(code) where code != 0:
            return status(.crashed, "the benchmark process exited with status \(code)")
        case .exited:
            do {
                return try ChildInvocation.readReport(reportPath, expectedName: benchmark.name)
            } catch {
                return BenchmarkResult(
                    name: benchmark.name, status: .failed, message: "unreadable report from the benchmark process: \(error)")
            }
        }
    }

    /// This executable's path, for spawning children of the same binary.
    static var executablePath: String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return CommandLine.arguments[0]
    }

    /// Creates the folder children write their reports to, or explains why it cannot.
    static func makeTemporaryDirectory() -> Result<String, ReportDirectoryError> {
        let parent = NSTemporaryDirectory()
        var template = Array("\(parent)/benchkit-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        if let made { return .success(made) }
        return .failure(ReportDirectoryError(parent: parent, reason: String(cString: strerror(errno))))
    }

    /// Removes the folder made by `makeTemporaryDirectory` and what is in it.
    @Sendable static func removeDirectory(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `2.5 s`, `120 ms`.
    static func seconds(_ value: Double) -> String {
        value >= 1 ? "\(MetricUnit.fixed(value, decimals: 1)) s" : "\(Int((value * 1000).rounded())) ms"
    }
}

/// The folder for child reports could not be created: isolation is impossible.
struct ReportDirectoryError: Error, CustomStringConvertible {
    var parent: String
    var reason: String
    var description: String {
        "cannot create a folder for benchmark reports in \(parent) (\(reason)); set TMPDIR to a writable folder, or pass --no-isolation"
    }
}
