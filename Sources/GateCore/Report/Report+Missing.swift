extension Report.Counts {
    /// Whether a benchmark or a gated metric of the baseline is missing from CURRENT.
    package var missingAnything: Bool { missing > 0 || removedBenchmarks > 0 }
}

extension Report {
    /// How to accept a missing benchmark or metric on purpose, as every report says it.
    package static let acceptMissingHint = "if removed on purpose, record the removal with memgate update --prune CURRENT "
        + "(or memgate run --update --prune); for a deliberate partial check, pass --allow-missing "
        + "(or set \"allowMissing\": true in the config)"

    /// The note every format prints when a benchmark or gated metric of the baseline is
    /// missing from CURRENT: what is missing, whether it fails, how to accept it; nil when
    /// nothing is missing.
    var missingNote: String? {
        let c = counts
        guard c.missingAnything else { return nil }
        var parts: [String] = []
        if c.removedBenchmarks > 0 { parts.append("\(c.removedBenchmarks) benchmark\(c.removedBenchmarks == 1 ? "" : "s")") }
        if c.missing > 0 { parts.append("\(c.missing) gated metric\(c.missing == 1 ? "" : "s")") }
        let what = parts.joined(separator: " and ") + " of the baseline " + (c.removedBenchmarks + c.missing == 1 ? "is" : "are")
            + " missing from current"
        if allowMissing { return what + ": allowed (--allow-missing or the config's \"allowMissing\"), not checked" }
        return what + ": that fails the check; " + Report.acceptMissingHint
    }

    /// The sentence a format prints for one benchmark of the baseline missing from CURRENT.
    var missingBenchmarkText: String {
        allowMissing ? "in the baseline but not in current (allowed)" : "in the baseline but not in current: fails the check"
    }
}
