import BenchResults
import GateCore

/// The passes after the samples (reference counting, and allocation and retain sites when
/// asked), run once per benchmark of one side, outside the alternation of timing rounds.
///
///     let counts = try PassRuns(forwarded: plan.forwarded, workspace: workspace, launcher: launcher)
///         .run(base, names: base.names, sites: false, status: status)
///     try runs.addPasses(counts, to: .base)
///
/// Each run is one process with one kept sample (`--samples 1`, the forwarded sample time and
/// timeout): the passes' counts do not depend on how many samples came before them. With
/// `sites: false` the site passes are skipped (`--no-sites`). Benchmarks whose executable
/// cannot skip its passes (an older BenchKit) are left out: their timing rounds ran the passes.
package struct PassRuns {
    /// `--sample-time` and `--timeout` as the rounds got them (`--samples` is replaced).
    package var forwarded: [String]
    /// Where the per-run results files go.
    package var workspace: Workspace
    /// Starts every run.
    package var launcher: Launcher
    /// Whether each run keeps the forwarded `--samples` and runs every benchmark named, its
    /// executable able to skip its passes or not: `memgate bisect`'s one run per commit, whose
    /// samples decide exact metrics and whose passes give the sites. False (refs): one sample,
    /// and only the benchmarks whose rounds skipped their passes.
    package var keepsSamples = false

    /// Creates runs that use these arguments, folders and launcher.
    package init(forwarded: [String], workspace: Workspace, launcher: Launcher) {
        self.forwarded = forwarded
        self.workspace = workspace
        self.launcher = launcher
    }

    /// One run with the passes of each of `names` on `side`, the results of all in one file.
    ///
    /// - Throws: what `BuiltSide.runOnce` throws.
    package func run(_ side: BuiltSide, names: [String], sites: Bool, status: (String) -> Void) throws -> ResultsFile {
        var file = ResultsFile()
        var arguments: [String] = keepsSamples ? [] : ["--samples", "1"]
        for (index, option) in forwarded.enumerated()
        where index % 2 == 0 && (keepsSamples || option != "--samples") && index + 1 < forwarded.count {
            arguments += [option, forwarded[index + 1]]
        }
        if !sites { arguments.append("--no-sites") }
        let what = keepsSamples ? "profile" : sites ? "sites" : "reference counts"
        let wanted = keepsSamples ? names : names.filter { name in
            side.benchmarks.first { $0.name == name }.map { !(side.flagsWithoutPasses[$0.executable] ?? []).isEmpty } ?? false
        }
        for (index, name) in wanted.enumerated() {
            status("\(what) · \(side.checkout.role) · \(name) [\(index + 1)/\(wanted.count)]")
            let output = workspace.passResultsPath(side: side.checkout.side, index: index, sites: sites)
            guard let results = try side.runOnce(name, arguments: arguments, withoutPasses: false, output: output,
                                                 label: "its \(what)", launcher: launcher)
            else { continue }
            if file.benchmarks.isEmpty { file.environment = results.environment }
            file.benchmarks += results.benchmarks
        }
        return file
    }
}
