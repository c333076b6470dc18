extension Report {
    /// Whether this check could not have failed on any row: metrics were compared, but every
    /// one is reported only (threshold `off`, a noisy policy of `report`, or time across
    /// machines whose fingerprints differ), and nothing failed or went missing. Such a check
    /// would pass whatever the numbers did, so the gate refuses it (fail closed) rather than
    /// print PASS. Always false for `compare`, which gates nothing by design.
    package var gatesNothing: Bool {
        guard mode == .check else { return false }
        let c = counts
        return c.regressions + c.inconclusive + c.improvements + c.passed == 0 && c.reported > 0
            && c.failedBenchmarks == 0 && c.missing == 0
    }

    /// The error a check that `gatesNothing` stops with: what was compared, why nothing was
    /// gated, under which configuration (`config`: the file, or nil for the built-in
    /// defaults), and the ways out.
    package func nothingGatedMessage(config: String?) -> String {
        let rows = counts.reported
        let source = config.map { "the config \($0)" } ?? "the built-in defaults (no config file)"
        return "nothing is gated: all \(rows) compared metric\(rows == 1 ? " is" : "s are") reported only under \(source) "
            + "and the command line (thresholds off, noisy metrics set to report, or time between different machines), "
            + "so this check could pass anything. Gate at least one metric (an exact one such as allocs, or noisy ones "
            + "between matching machines), or run `memgate compare` to only report."
    }
}
