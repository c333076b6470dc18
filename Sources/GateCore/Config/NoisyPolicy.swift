/// Whether machine-dependent (noisy) metrics can fail the gate.
package enum NoisyPolicy: String, Sendable, CaseIterable {
    /// Gate noisy metrics when the two files' fingerprints match (the default).
    case gate
    /// Never gate noisy metrics; only show them. For runs on shared or mixed machines.
    case report
}
