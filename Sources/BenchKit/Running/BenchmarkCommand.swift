import BaseSystem
import BenchResults
import CLISupport
import CSystemShims
import Foundation
import ResultsView

/// The command line every benchmark executable gets from `BenchmarkSuite.main()`.
enum BenchmarkCommand {
    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: executableName,
            summary: "Runs this executable's benchmarks and reports time, latency, allocations and memory.",
            usage: "\(executableName) [options]",
            discussion: """
            Each benchmark runs in its own child process (the default), so its peak RSS is its \
            own and a crash or hang is reported while the others still run. Results print as a \
            table (--format text) or JSON (--format json); --output also writes the JSON results \
            file that `memgate check` reads.

            Exit status: 0 all benchmarks ran, 1 some benchmark failed, crashed or timed out, \
            2 usage error.

            Examples:
              \(executableName) --filter '^json/' --samples 20
              \(executableName) --output results.json --time-budget 60s
            """)
        spec.flag("--list", help: "List the benchmark names (after --filter/--skip) and exit.")
        spec.option("--filter", value: "REGEX", help: "Run only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Skip benchmarks whose name matches REGEX.")
        spec.option("--samples", value: "N", help: "Samples kept per benchmark (overrides the benchmark's own).", defaultDescription: "10")
        spec.option("--warmup", value: "N", help: "Warm-up samples dropped after calibration.", defaultDescription: "1")
        spec.option("--sample-time", value: "DURATION", help: "Target duration of one sample (e.g. 10ms).", defaultDescription: "10ms")
        spec.option("--time-budget", value: "DURATION",
                    help: "Total time for the run, the passes included; sample time shrinks to fit (e.g. 60s).")
        spec.option("--timeout", value: "DURATION", help: "Kill a benchmark's process after this long.", defaultDescription: "60s")
        spec.option("--output", value: "FILE", help: "Also write the results as JSON to FILE (atomically).")
        spec.option("--format", value: "FORMAT", help: "Standard output format: text or json.", defaultDescription: "text")
        spec.flag("--no-isolation",
            help: "Run every benchmark in this process (no crash isolation or per-benchmark peak RSS; the RSS high-water mark is reset "
                + "per sample).")
        spec.flag("--no-arc", help: "Skip the pass after the samples that counts Swift retains, releases and objects per op.")
        spec.flag("--no-sites", help: "Skip the passes after the samples that record where the body allocates and retains.")
        spec.option("--site-iterations", value: "N",
                    help: "Iterations N of those passes (each runs N, then 2N; fewer when the body allocates or retains a lot).",
                    defaultDescription: "10")
        spec.flag("--quiet", help: "Print nothing on standard output (use with --output).")
        return spec
    }

    static var executableName: String {
        String(CommandLine.arguments.first?.split(separator: "/").last ?? "benchmarks")
    }

    /// Runs the command line and returns the process exit status.
    static func run(suite: Suite, arguments: [String]) async -> Int32 {
        do {
            if let child = try ChildInvocation(arguments: arguments) { return await runChild(child, suite: suite).rawValue }
        } catch {
            var standardError = StandardError()
            print("error: \(error)", to: &standardError)
            return ExitCode.usageOrInputError.rawValue
        }
        return await runParent(suite: suite, arguments: arguments).rawValue
    }

    /// parse -> select -> run -> write and print the results.
    private static func runParent(suite: Suite, arguments: [String]) async -> ExitCode {
        var standardError = StandardError()
        var standardOutput = StandardOutput()
        if let problem = suite.registrationProblems.first {
            print("error: \(problem)", to: &standardError)
            return .usageOrInputError
        }
        let options: BenchmarkOptions
        do {
            let parsed = try spec.parse(arguments)
            if parsed.wantsHelp {
                print(spec.helpText, terminator: "", to: &standardOutput)
                return .pass
            }
            options = try BenchmarkOptions(parsed)
        } catch {
            print("error: \(error)", to: &standardError)
            return .usageOrInputError
        }
        let selected = suite.benchmarks.filter(options.selects)
        if options.list {
            for benchmark in selected { print(benchmark.name, to: &standardOutput) }
            return .pass
        }
        if selected.isEmpty {
            print("error: no benchmark matches the filter (run with --list to see the names)", to: &standardError)
            return .usageOrInputError
        }
        var workDirectory: String?
        if options.isolated {
            switch SuiteRunner.makeTemporaryDirectory() {
            case let .success(path): workDirectory = path
            case let .failure(error):
                print("error: \(error)", to: &standardError)
                return .usageOrInputError
            }
        }
        // Removed on return, and on SIGINT/SIGTERM (the children die with us: see runChild).
        let interrupt = workDirectory.map { path in InterruptHandler { _ in SuiteRunner.removeDirectory(path) } }
        interrupt?.install()
        defer {
            interrupt?.uninstall()
            interrupt?.checkpoint()  // a signal that came before is being handled: it removes the folder
            workDirectory.map(SuiteRunner.removeDirectory)
        }
        let results: ResultsFile
        switch await runSelected(selected, options: options, workDirectory: workDirectory) {
        case let .success(file): results = file
        case let .failure(error):
            print("error: \(error)", to: &standardError)
            return .usageOrInputError
        }
        return report(results, options: options)
    }

    /// Runs `selected` (in child processes writing their reports to `workDirectory` when
    /// isolated) and writes `--output`.
    private static func runSelected(
        _ selected: [Benchmark], options: BenchmarkOptions, workDirectory: String?
    ) async -> Result<ResultsFile, any Error> {
        let runner = SuiteRunner(
            settings: options.settings, workDirectory: workDirectory,
            progress: ProgressLine(enabled: Terminal.isTTY(2)))
        let environment = EnvironmentProbe.current()
        let results = ResultsFile(environment: environment, benchmarks: await runner.run(selected))
        if let output = options.output {
            do { try results.write(to: output) } catch { return .failure(error) }
        }
        return .success(results)
    }

    /// Prints `results` (unless `--quiet`) and says whether every benchmark finished.
    private static func report(_ results: ResultsFile, options: BenchmarkOptions) -> ExitCode {
        var standardError = StandardError()
        var standardOutput = StandardOutput()
        if !options.quiet {
            switch options.format {
            case "json":
                if let bytes = try? results.jsonBytes() {
                    print(String(decoding: bytes, as: UTF8.self), terminator: "", to: &standardOutput)
                }
            default:
                let style = TerminalStyle.detect(fileDescriptor: 1, environment: ProcessInfo.processInfo.environment)
                print(ResultsSummaryTable.render(results, style: style), terminator: "", to: &standardOutput)
            }
        }
        let failures = results.benchmarks.filter { $0.status != .ok }.count
        if failures > 0 {
            print("\(failures) of \(results.benchmarks.count) benchmarks did not finish", to: &standardError)
            return .regression  // some benchmark failed, crashed or timed out
        }
        return .pass
    }

    /// The child side of isolation: run one benchmark, write its report, exit 0.
    private static func runChild(_ child: ChildInvocation, suite: Suite) async -> ExitCode {
        // Never outlive the parent: it enforces the timeout and owns the report folder.
        if memgate_die_with_parent(child.parent) == 0 { return .internalError }
        guard let benchmark = suite.benchmarks.first(where: { $0.name == child.name }) else {
            var standardError = StandardError()
            print("error: no benchmark named \"\(child.name)\"", to: &standardError)
            return .usageOrInputError
        }
        let partialPath = ChildInvocation.partialReportPath(child.reportPath)
        let result = await InProcessRunner.run(benchmark, plan: child.plan, linesFrom: child.parent) { partial in
            // After the last pass the partial goes: a later crash is not one in a pass.
            guard let partial else { return _ = unlink(partialPath) }
            try? ChildInvocation.writeReport(partial, to: partialPath)
        }
        do { try ChildInvocation.writeReport(result, to: child.reportPath) } catch {
            var standardError = StandardError()
            print("error: cannot write the benchmark report: \(error)", to: &standardError)
            return .internalError
        }
        return .pass
    }
}

/// Exits the process with `status`, flushing C stdio first.
func exitProcess(_ status: Int32) -> Never {
    fflush(nil)
    exit(status)
}
