import BenchResults
import Foundation

/// The private protocol between a benchmark executable and the child processes it
/// spawns: which benchmark to run, under which plan, and where to write the result.
///
/// Arguments: `--benchkit-child NAME --benchkit-report PATH --benchkit-plan S:W:NS:MAX:MEM:ARC:SITES:SITEBUDGET:PPID`.
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
        let encodedPlan = [
            plan.samples, plan.warmupSamples, Int(plan.sampleNanoseconds), plan.maxIterations,
            plan.measureMemory ? 1 : 0, plan.arcPassIterations, plan.siteIterations, plan.siteEventBudget, Int(parent),
        ].map(String.init).joined(separator: ":")
        return [Self.childFlag, name, Self.reportFlag, reportPath, Self.planFlag, encodedPlan]
    }

    /// Parses a child's arguments; nil when `arguments` is not a child invocation.
    init?(arguments: [String]) {
        guard arguments.count == 6, arguments[0] == Self.childFlag, arguments[2] == Self.reportFlag,
              arguments[4] == Self.planFlag else { return nil }
        let numbers = arguments[5].split(separator: ":").compactMap { Int($0) }
        guard numbers.count == 9, numbers[0] > 0, numbers[1] >= 0, numbers[2] > 0, numbers[3] > 0, numbers[5] >= 0, numbers[6] >= 0,
              numbers[7] >= 0, numbers[8] > 0
        else {
            return nil
        }
        name = arguments[1]
        parent = Int32(numbers[8])
        reportPath = arguments[3]
        plan = SamplingPlan(
            samples: numbers[0], warmupSamples: numbers[1], sampleNanoseconds: UInt64(numbers[2]),
            maxIterations: numbers[3], measureMemory: numbers[4] != 0, arcPassIterations: numbers[5],
            siteIterations: numbers[6], siteEventBudget: numbers[7])
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
