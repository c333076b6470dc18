extension AdoptionPlan {
    /// What `memgate init` prints: a headline, one line per file (what was done to it, or
    /// why it was left alone), the manifest change as lines (with `dryRun`) or the snippet
    /// to paste, then the next commands.
    ///
    ///     memgate init: set up Foo for memgate
    ///       created     Benchmarks/FooBenchmarks/FooBenchmarks.swift: one example benchmark; replace it with a call into Foo
    ///       left alone  baselines/memgate.json: it exists
    ///       ...
    ///
    /// - Parameter dryRun: say what would be done (nothing was written), and show the
    ///   manifest edit's lines.
    package func report(dryRun: Bool) -> String {
        if isNothingToDo {
            return "memgate init: memgate is already set up here: nothing to do\n" + steps.map { line($0, dryRun: dryRun) }.joined()
        }
        var text = dryRun
            ? "memgate init --dry-run: what memgate init would do in \(layout.packageName) (nothing is written)\n"
            : "memgate init: set up \(layout.packageName) for memgate\n"
        text += steps.map { line($0, dryRun: dryRun) }.joined()
        if !dryRun { text += nextSteps }
        return text
    }

    /// The line (and for the manifest, the lines below it) for one step.
    private func line(_ step: AdoptionStep, dryRun: Bool) -> String {
        func verb(_ done: String, _ planned: String) -> String {
            let word = dryRun ? planned : done
            return "  " + word + String(repeating: " ", count: max(1, 14 - word.count))
        }
        switch step {
        case .create(let path, _):
            return verb("created", "would create") + "\(path): \(purpose(of: path))\n"
        case .keep(let path, let reason):
            return verb("left alone", "left alone") + "\(path): \(reason)\n"
        case .append(let path, _):
            return verb("appended", "would append") + "\(MemGateIgnore.line) to \(path)\n"
        case .edit(let edit):
            var text = verb("edited", "would edit") + "\(AdoptionLayout.manifestPath): \(dryRun ? "add" : "added") \(additions) "
                + "(checked with swift package dump-package)\n"
            if dryRun { text += edit.changes.map(Self.render).joined() }
            return text
        case .snippet(let reason, let lines):
            return verb("not edited", "not editing") + "\(AdoptionLayout.manifestPath): \(reason). Add these lines to it yourself:\n"
                + lines.map { "      \($0)\n" }.joined()
        }
    }

    /// What the manifest edit adds, in words.
    private var additions: String {
        let dependency = layout.dependency.map { _ in "the memgate dependency (\(layout.source.packageExpression))" }
        let target = layout.target.map { _ in "the \(layout.targetName) target" }
        return [dependency, target].compactMap { $0 }.joined(separator: " and ")
    }

    /// What a created file is for.
    private func purpose(of path: String) -> String {
        switch path {
        case layout.sourcePath:
            let callee = layout.modules.isEmpty ? "your code" : layout.modules.map(AdoptionLayout.moduleName).joined(separator: " or ")
            return "one example benchmark with an exact allocation count; replace it with a call into \(callee)"
        case AdoptionLayout.configPath: return "the gate's settings: exact metrics and peak RSS gated, time reported"
        case AdoptionLayout.ignorePath: return "ignores \(MemGateIgnore.line), where memgate run writes results"
        case AdoptionLayout.workflowPath:
            return "on push, gate against the committed baseline; on pull requests, memgate refs against the base branch"
        default: return "written by memgate init"
        }
    }

    /// One manifest change as `@ line N` and `-`/`+` lines.
    private static func render(_ change: ManifestEdit.Change) -> String {
        let header = "      @ line \(change.line), \(change.removed.isEmpty ? "insert" : "change"):\n"
        return header + change.removed.map { "      -\($0)\n" }.joined() + change.added.map { "      +\($0)\n" }.joined()
    }

    /// The commands to run next, after a real run.
    private var nextSteps: String {
        var lines: [String] = []
        if steps.contains(where: { if case .snippet = $0 { true } else { false } }) {
            lines.append("add the lines above to Package.swift (memgate run needs them)")
        }
        if layout.dependency != nil && layout.source.isPlaceholder {
            lines.append("replace OWNER in \(MemGateSource.placeholderURL) in Package.swift with where memgate comes from "
                + "(the package does not resolve until then)")
        }
        lines.append("swift run -c release memgate run --update   # record baselines/baseline.json; commit it with the files above")
        lines.append("swift run -c release memgate run            # gate against it, as the workflow does on push")
        return "\nNext:\n" + lines.map { "  \($0)\n" }.joined()
    }
}
