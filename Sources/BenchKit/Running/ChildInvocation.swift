import BenchResults
import Foundation

/// The private protocol between a benchmark executable and the child processes it
/// spawns: which benchmark to run, under which plan, and where to write the result.
///
/// Arguments: `--benchkit-child NAME --benchkit-report PATH --benchkit-plan PLAN`, where PLAN
/// names every field (`samples=10,warmupSamples=1,...,parent=PPID`; `encodedPlan`): arguments
/// that start with `--benchkit-child` but are not exactly that are refused, never defaulted.
/// The child asks to be killed when PPID exits (so a killed parent never leaves a hung
/// benchmark behind), writes its `BenchmarkResult` to PATH as a one-benchmark results file
/// (`ResultsFile.jsonBytes`, atomically) and exits 0.
struct ChildInvocation {
    static let childFlag = "--benchkit-child"
    static let reportFlag = "--benchkit-report"
    static let planFlag = "--benchkit-plan"

    var name: String
    var reportPath: String
    var plan: SamplingPlan
    /// The spawning process, which the child must not outlive.
    var parent: Int32

    /// The command-line arguments that ask a child for this run.
    var arguments: [String] {
        [Self.childFlag, name, Self.reportFlag, reportPath, Self.planFlag, encodedPlan]
    }

    /// Parses a child's arguments: nil when `arguments` is not a child invocation (does not
    /// start with `--benchkit-child`); an error naming the problem when it is one that cannot
    /// be read (`MalformedArguments`).
    init?(arguments: [String]) throws(MalformedArguments) {
        guard arguments.first == Self.childFlag else { return nil }
        guard arguments.count == 6, arguments[2] == Self.reportFlag, arguments[4] == Self.planFlag else {
            throw MalformedArguments(
                problem: "expected \(Self.childFlag) NAME \(Self.reportFlag) PATH \(Self.planFlag) PLAN, got \(arguments.count) arguments")
        }
        // Every field is overwritten by decodePlan, which refuses a plan that lacks one.
        self.init(name: arguments[1], reportPath: arguments[3],
                  plan: SamplingPlan(samples: 1, warmupSamples: 0, sampleNanoseconds: 1, maxIterations: 1), parent: 1)
        try decodePlan(arguments[5])
    }

    init(name: String, reportPath: String, plan: SamplingPlan, parent: Int32) {
        self.name = name
        self.reportPath = reportPath
        self.plan = plan
        self.parent = parent
    }

    /// Writes `result` where the parent expects it: a results file holding that one
    /// benchmark, in the one results encoding (`ResultsFile.jsonBytes`).
    static func writeReport(_ result: BenchmarkResult, to path: String) throws {
        try AtomicFile.write(ResultsFile(benchmarks: [result]).jsonBytes(), to: path)
    }

    /// Where a child saves its result before each pass that follows the kept samples
    /// (`InProcessRunner.run(_:plan:savePartial:)`), beside the final report.
    static func partialReportPath(_ reportPath: String) -> String { reportPath + ".partial" }

    /// The result a child saved before the pass it was in when it crashed or hung: its
    /// samples, with `status` and a message saying what happened in which pass; nil when the
    /// child saved none (it never reached the passes).
    static func partialResult(
        _ reportPath: String, expectedName: String, status: BenchmarkStatus, what: String
    ) -> BenchmarkResult? {
        guard var result = try? readReport(partialReportPath(reportPath), expectedName: expectedName) else { return nil }
        let pass = result.message ?? "pass after the samples"
        result.status = status
        result.message = "\(what) during the \(pass); the samples measured before it are kept"
        return result
    }

    /// Reads and validates a child's report (with the one results decoder,
    /// `ResultsFile.decode(json:path:)`).
    static func readReport(_ path: String, expectedName: String) throws -> BenchmarkResult {
        let file = try ResultsFile.read(contentsOf: path)
        guard file.benchmarks.count == 1, let result = file.benchmarks.first else {
            throw ResultsError.invalid(path: path, place: "benchmarks", problem: "expected one benchmark, found \(file.benchmarks.count)")
        }
        guard result.name == expectedName else {
            throw ResultsError.invalid(path: path, place: "name", problem: "expected \(expectedName), found \(result.name)")
        }
        return result
    }
}
