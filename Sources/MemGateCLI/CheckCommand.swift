import BenchResults
import CLISupport
import GateCore
import GateRunner

/// `memgate check BASELINE CURRENT`: the gate. Exit 0 pass, 1 regression, 2 input error,
/// 3 inconclusive only.
struct CheckCommand: Subcommand {
    static let name = "check"

    static var spec: CommandSpec {
        GatePipeline.spec(CommandSpec(
            name: "memgate check", summary: "Gate CURRENT against BASELINE: fail on regressions.",
            usage: "memgate check [options] BASELINE CURRENT",
            discussion: """
            Compares every benchmark and metric in CURRENT with BASELINE. Exact metrics (allocs, bytes)
            fail when they grow past their threshold; noisy metrics (time, latency, CPU, RSS) fail only
            when the ratio of medians is past the threshold AND the Holm-adjusted Mann-Whitney U test is
            significant; past the threshold but not significant is inconclusive. Noisy metrics are not
            gated when the two environments differ, nor where --noisy report or the config's "noisy" \
            says report (for all of them, or per metric; by default, time, latency and CPU are reported and \
            peak RSS gated, as memgate init writes it). A benchmark that failed in CURRENT fails the check, \
            and so does a benchmark or gated metric of BASELINE that CURRENT lacks, unless --allow-missing \
            (a deliberate partial check); memgate update --prune records a removal. A CURRENT without \
            benchmarks, or one that redefines a metric (a built-in's unit, direction or exactness, or a \
            custom metric's declaration in BASELINE), is an input error.
            When GITHUB_STEP_SUMMARY is set, a Markdown report is appended to that file.

            Exit codes: 0 pass, 1 regression, 2 usage or input error, 3 inconclusive only.
            """), files: [("BASELINE", "The baseline results file (memgate JSON or go test -bench output)."),
                          ("CURRENT", "The results file to check.")])
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        try GatePipeline.run(arguments, mode: .check, context: &context)
    }
}

/// `memgate compare A B`: the same report as `check`, exit 0 unless the input is bad.
struct CompareCommand: Subcommand {
    static let name = "compare"

    static var spec: CommandSpec {
        GatePipeline.spec(CommandSpec(
            name: "memgate compare", summary: "Report what moved from A to B; never fails on regressions.",
            usage: "memgate compare [options] A B",
            discussion: "The same report as 'memgate check', but the exit code is 0 unless an input is bad (2)."),
            files: [("A", "The reference results file."), ("B", "The results file compared with A.")])
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        try GatePipeline.run(arguments, mode: .compare, context: &context)
    }
}
