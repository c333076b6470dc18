import BenchResults
import CLISupport

/// What `check` and `compare` do: read, compare, render, write.
enum GateRun {
    static func run(_ arguments: ParsedArguments, mode: Report.Mode, context: inout CommandContext) throws -> ExitCode {
        let gate = try GateArguments(arguments, mode: mode)
        let baselinePath = arguments.positionals[0]
        let currentPath = arguments.positionals[1]
        let baseline = try GateArguments.readResults(baselinePath)
        let current = try GateArguments.readResults(currentPath)
        let report: Report
        do {
            report = try Comparison.compare(
                baseline: baseline, current: current, baselineName: baselinePath, currentName: currentPath,
                options: gate.options)
        } catch {
            throw CommandError("\(error)")
        }
        let color = gate.format == .text && context.stdoutStyle.colour
        context.output += report.rendered(gate.format, options: RenderOptions(color: color, verbose: gate.verbose), policy: gate.policy)
        let fileOptions = RenderOptions(color: false, verbose: gate.verbose)
        for (format, path) in gate.outputs {
            let text = report.rendered(format, options: fileOptions, policy: gate.policy)
            try UpdateCommand.createDirectory(containing: path)
            do { try AtomicFile.write(Array(text.utf8), to: path) } catch { throw CommandError(error) }
        }
        if let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            let text = report.rendered(.markdown, options: fileOptions, policy: gate.policy)
            do { try FileAppend.append(Array(text.utf8), to: summary) } catch { throw CommandError(error) }
        }
        return report.exitCode(policy: gate.policy)
    }
}
