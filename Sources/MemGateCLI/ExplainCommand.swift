import BenchResults
import CLISupport
import GateCore
import GateRunner

/// `memgate explain BASELINE CURRENT`: the whole allocation-site diff of every benchmark
/// (regressed or not), or the sites as collapsed stacks or an SVG flame graph.
struct ExplainCommand: Subcommand {
    static let name = "explain"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate explain", summary: "Show where each benchmark's allocations moved: every allocation site, both sides.",
            usage: "memgate explain [options] BASELINE CURRENT",
            discussion: "Reads the allocation sites BenchKit records after the samples (a pass of N, then 2N iterations with every "
                + "allocation's call stack recorded) and prints, per benchmark, each site's allocations per op in BASELINE and "
                + "CURRENT, moved sites first. --format folded prints CURRENT's sites as collapsed stacks (flamegraph.pl, "
                + "speedscope); --format svg draws a self-contained flame graph of CURRENT, red where allocations grew since "
                + "BASELINE, blue where they shrank. Exit 0, or 2 for bad input or when neither file has sites.")
        spec.positional("BASELINE", help: "The reference results file.")
        spec.positional("CURRENT", help: "The results file compared with BASELINE.")
        spec.option("--filter", value: "REGEX", help: "Only benchmarks whose name matches REGEX.")
        spec.option("--skip", value: "REGEX", help: "Leave out benchmarks whose name matches REGEX.")
        spec.option("--format", value: "FORMAT", help: "text, folded or svg.", defaultDescription: "text")
        spec.option("--side", value: "SIDE", help: "Which file --format folded prints: current or baseline.", defaultDescription: "current")
        spec.flag("--retains", help: "Show the retain sites (the retain-site pass) instead of the allocation sites.")
        spec.option("--output", value: "FILE", help: "Write to FILE (atomically) instead of standard output.")
        spec.flag("--full-stacks", help: GateArguments.fullStacksHelp)
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let selection = try BenchmarkSelection(arguments)
        let format = try arguments.choice("--format", from: ["text", "folded", "svg"]) ?? "text"
        let side = try arguments.choice("--side", from: ["current", "baseline"]) ?? "current"
        if arguments.value("--side") != nil && format != "folded" {
            throw arguments.usageError("--side chooses the file --format folded prints; the \(format) format shows both sides")
        }
        let event: SiteEvent = arguments.flag("--retains") ? .retains : .allocations
        let (baselinePath, currentPath) = (arguments.positionals[0], arguments.positionals[1])
        if let output = arguments.value("--output") {
            try InputOverwrite.refuse(outputs: [("--output", output)], inputs: [("BASELINE", baselinePath), ("CURRENT", currentPath)])
        }
        let baseline = try GateArguments.readResults(baselinePath), current = try GateArguments.readResults(currentPath)
        let names = (current.benchmarks + baseline.benchmarks).map(\.name).filter(selection.selects)
        var seen: Set<String> = []
        let ordered = names.filter { seen.insert($0).inserted }
        func profiles(_ file: ResultsFile) -> [(benchmark: String, sites: AllocationSites)] {
            ordered.compactMap { name in file[name].flatMap(event.profile).map { (name, $0) } }
        }
        let currentProfiles = profiles(current), baselineProfiles = profiles(baseline)
        guard !currentProfiles.isEmpty || !baselineProfiles.isEmpty else {
            let scope = selection.selectsAll ? "" : " for the selected benchmarks"
            let retains = event == .retains ? " and the reference-counting pass (not with --no-arc or countsARC: false)" : ""
            throw CommandError("no \(event.noun) sites in \(baselinePath) or \(currentPath)\(scope)"
                + ": results from a BenchKit with the profile pass\(retains) have them (schema 2; not with --no-sites)")
        }
        let text: String
        switch format {
        case "folded":
            text = FoldedStacks.lines(side == "current" ? currentProfiles : baselineProfiles).map { $0 + "\n" }.joined()
        case "svg":
            text = FlameGraph(current: currentProfiles, baseline: baselineProfiles)
                .svg(title: "\(event.noun.capitalized) sites: \(currentPath) against \(baselinePath)", unit: event.unit)
        default:
            let toFile = arguments.value("--output") != nil
            let layout = ChainLayout(width: toFile ? ChainLayout.defaultWidth : context.stdoutChainWidth,
                                     fullStacks: arguments.flag("--full-stacks"))
            text = ordered.compactMap { name in
                SiteDiff(baseline: baseline[name].flatMap(event.profile), current: current[name].flatMap(event.profile), event: event)?
                    .explanation(benchmark: name, style: toFile ? .plain : context.stdoutStyle, layout: layout)
            }.joined(separator: "\n")
        }
        try context.writeOrPrint(Array(text.utf8), to: arguments.value("--output"))
        return .pass
    }
}
