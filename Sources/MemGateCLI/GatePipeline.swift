import BaseSystem
import BenchResults
import CLISupport
import Foundation
import GateCore
import GateFormats
import GateRunner

/// What `check` and `compare` do: read, compare, render, write.
enum GatePipeline {
    /// Table rows appended to `$GITHUB_STEP_SUMMARY` at most (GitHub caps a step's
    /// summary at 1 MiB; a row is about 150 bytes).
    static let stepSummaryRows = 1000

    /// The specification of a command that compares two files: `spec` with the gate's
    /// options, then `files` as its positionals.
    static func spec(_ spec: CommandSpec, files: [(name: String, help: String)]) -> CommandSpec {
        var spec = spec
        GateArguments.declare(on: &spec)
        for file in files { spec.positional(file.name, help: file.help) }
        return spec
    }

    /// `check` and `compare`: reads the two positional files and reports (`report`).
    static func run(_ arguments: ParsedArguments, mode: Report.Mode, context: inout CommandContext) throws -> ExitCode {
        let gate = try GateArguments(arguments, mode: mode)
        let baselinePath = arguments.positionals[0]
        let currentPath = arguments.positionals[1]
        let names = mode == .compare ? ("A", "B") : ("BASELINE", "CURRENT")
        try gate.refuseOverwritingInputs([(names.0, baselinePath), (names.1, currentPath)], environment: context.environment)
        let (baseline, current) = try readBoth(baselinePath, currentPath)
        return try report(baseline: baseline, current: current, baselineName: baselinePath, currentName: currentPath,
                          gate: gate, context: &context)
    }

    /// Compares `current` with `baseline` (as `GateInputs` prepares them: failed packages and
    /// unmeasured memory named as failed benchmarks), renders the report to standard output,
    /// to every `--output` file and to `$GITHUB_STEP_SUMMARY`, and returns the exit code.
    /// Shared by `check`, `compare`, `report` and `run`.
    static func report(
        baseline: ResultsFile, current: ResultsFile, baselineName: String, currentName: String,
        gate: GateArguments, context: inout CommandContext
    ) throws -> ExitCode {
        let inputs = GateInputs(baseline: baseline, current: current)
        let (baseline, current) = (inputs.baseline, inputs.current)
        try prepare(baseline, current, names: (baselineName, currentName), gate: gate, context: &context)
        let report: Report
        do {
            report = try Comparison.compare(
                baseline: baseline, current: current, baselineName: baselineName, currentName: currentName,
                options: gate.options)
        } catch {
            throw CommandError("\(error)")
        }
        return try render(report, files: (baseline, current), gate: gate, context: &context)
    }

    /// Checks what every comparison of `baseline` and `current` (labelled `names`) starts
    /// with: that `current` has benchmarks, that no metric is declared differently in the two
    /// (`MetricRedeclaration`), the `--threshold` names; then writes the config notes to
    /// standard error.
    ///
    /// - Throws: `CommandError` or `UsageError` (exit 2).
    static func prepare(
        _ baseline: ResultsFile, _ current: ResultsFile, names: (baseline: String, current: String), gate: GateArguments,
        context: inout CommandContext
    ) throws {
        try GateArguments.requireBenchmarks(current, path: names.current)
        do {
            try MetricRedeclaration.check(baseline: baseline, current: current, baselineName: names.baseline, currentName: names.current)
        } catch { throw CommandError(error) }
        try gate.checkOverriddenMetrics(baseline, current)
        for note in gate.unknownConfigMetricNotes(baseline, current) + gate.unmatchedGlobNotes(baseline, current) {
            context.errors += "memgate: \(note)\n"
        }
    }

    /// Renders `report` through the one entry point (`ReportFormat.render`) to standard
    /// output, to every `--output` file (each format drawn once, from the report and `files`:
    /// the HTML page draws samples, environments and sites) and to `$GITHUB_STEP_SUMMARY`,
    /// and returns its exit code. A check that gates nothing (`Report.gatesNothing`) is an
    /// input error naming the configuration, and nothing is written.
    static func render(
        _ report: Report, files: (baseline: ResultsFile, current: ResultsFile), gate: GateArguments, context: inout CommandContext
    ) throws -> ExitCode {
        if report.gatesNothing { throw CommandError(report.nothingGatedMessage(config: gate.configPath)) }
        var input = RenderInput(report: report, baseline: files.baseline, current: files.current, history: gate.history,
                                command: gate.command, policy: gate.policy)
        let chains = ChainLayout(fullStacks: gate.fullStacks)
        input.options = RenderOptions(color: gate.format == .text && context.stdoutStyle.colour, verbose: gate.verbose,
                                      chains: ChainLayout(width: context.stdoutChainWidth, fullStacks: gate.fullStacks))
        context.output += gate.format.render(input)
        input.options = RenderOptions(color: false, verbose: gate.verbose, chains: chains)
        var rendered: [ReportFormat: [UInt8]] = [:]
        for (format, path) in gate.outputs {
            let bytes = rendered[format] ?? Array(format.render(input).utf8)
            rendered[format] = bytes
            try OutputFile.write(bytes, to: path)
        }
        if let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            input.options = RenderOptions(color: false, verbose: gate.verbose, maxRows: GatePipeline.stepSummaryRows, chains: chains)
            let text = ReportFormat.markdown.render(input)
            do { try FileAppend.append(Array(text.utf8), to: summary) } catch { throw CommandError(error) }
        }
        return report.exitCode(policy: gate.policy)
    }

    /// Reads the two files on two threads (each read is independent); the first file's
    /// error wins when both fail, so messages are deterministic.
    static func readBoth(_ first: String, _ second: String) throws -> (ResultsFile, ResultsFile) {
        do {
            return try BothAtOnce.run({ try ResultsFile.read(anyFormat: first) }, { try ResultsFile.read(anyFormat: second) })
        } catch { throw CommandError(error) }
    }
}
