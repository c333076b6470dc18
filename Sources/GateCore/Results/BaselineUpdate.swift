import CLISupport
import BenchResults

/// Merges new results into a baseline. Pure: the `update` command reads and writes.
///
/// - Benchmarks in CURRENT that completed replace the baseline's entries of the same name
///   in place (`updated`) or are appended in CURRENT's order (`added`).
/// - Benchmarks in CURRENT that did not complete are not recorded; the old entry, if any,
///   is kept (`notRecorded`).
/// - Baseline entries not in CURRENT are kept (`kept`), or dropped with `prune` (`pruned`).
/// - The merged file takes CURRENT's environment (the newest run describes the machine).
///   Entries kept from the old baseline were measured in the old one: when the two differ
///   in a fingerprint field, `keptFromOtherEnvironment` names the fields and the summary
///   says so.
package struct BaselineUpdate: Sendable, Equatable {
    /// The merged baseline.
    package var merged: ResultsFile
    /// Names by what happened to them.
    package var added: [String] = [], updated: [String] = [], kept: [String] = [], pruned: [String] = []
    /// Benchmarks that failed in CURRENT (name and status line), not recorded.
    package var notRecorded: [(name: String, status: String)] = []
    /// The fingerprint fields (`Environment.machineFingerprint`) whose values differ between
    /// the old baseline's environment and CURRENT's, when old entries are kept (as `kept`,
    /// or because they failed in CURRENT); empty otherwise. Those entries now sit under an
    /// environment that does not describe them.
    package var keptFromOtherEnvironment: [String] = []

    package static func == (a: BaselineUpdate, b: BaselineUpdate) -> Bool {
        a.merged == b.merged && a.added == b.added && a.updated == b.updated && a.kept == b.kept
            && a.pruned == b.pruned && a.notRecorded.map(\.name) == b.notRecorded.map(\.name)
            && a.keptFromOtherEnvironment == b.keptFromOtherEnvironment
    }

    /// Merges `current` into `baseline` (`nil` when there is no baseline yet).
    package init(baseline: ResultsFile?, current: ResultsFile, prune: Bool) {
        var currentByName: [String: BenchmarkResult] = [:]
        for benchmark in current.benchmarks { currentByName[benchmark.name] = benchmark }
        var result: [BenchmarkResult] = []
        var inBaseline = Set<String>()
        var oldEntriesKept = 0
        for old in baseline?.benchmarks ?? [] {
            inBaseline.insert(old.name)
            if let new = currentByName[old.name] {
                if new.status == .ok {
                    result.append(new)
                    updated.append(old.name)
                } else {
                    result.append(old)
                    oldEntriesKept += 1
                    notRecorded.append((old.name, BaselineUpdate.status(new)))
                }
            } else if prune {
                pruned.append(old.name)
            } else {
                result.append(old)
                oldEntriesKept += 1
                kept.append(old.name)
            }
        }
        for new in current.benchmarks where !inBaseline.contains(new.name) {
            if new.status == .ok {
                result.append(new)
                added.append(new.name)
            } else {
                notRecorded.append((new.name, BaselineUpdate.status(new)))
            }
        }
        merged = ResultsFile(environment: current.environment, benchmarks: result)
        if let baseline, oldEntriesKept > 0 {
            keptFromOtherEnvironment = baseline.environment.fingerprintMismatches(with: current.environment)
        }
    }

    static func status(_ benchmark: BenchmarkResult) -> String {
        benchmark.status.rawValue + (benchmark.message.map { ": \($0)" } ?? "")
    }

    /// A human summary: one line of counts, then one line per name that changed.
    package func summary(baselinePath: String) -> String {
        var text = "\(baselinePath): \(added.count) added, \(updated.count) updated, \(kept.count) kept, \(pruned.count) pruned"
        text += notRecorded.isEmpty ? "\n" : ", \(notRecorded.count) not recorded (failed in current)\n"
        for name in added { text += "  added      \(terminalSafe(name))\n" }
        for name in updated { text += "  updated    \(terminalSafe(name))\n" }
        for name in pruned { text += "  pruned     \(terminalSafe(name))\n" }
        for (name, status) in notRecorded { text += "  NOT RECORDED \(terminalSafe(name)): \(terminalSafe(status))\n" }
        if !keptFromOtherEnvironment.isEmpty {
            text += "note: entries kept from the old baseline were measured with another "
                + "\(keptFromOtherEnvironment.joined(separator: ", ")); "
                + "the file now describes this run's environment, so re-run them (or use --prune) "
                + "before their time, latency or RSS is gated\n"
        }
        return text
    }
}
