/// One of the two revisions `memgate refs` compares.
///
/// `base` is the reference (the baseline of the comparison); `head` is the revision being
/// checked (a ref, or the working tree with its uncommitted changes).
package enum RefsSide: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The revision compared against (`BASE`).
    case base
    /// The revision checked (`HEAD`, or the working tree).
    case head

    /// `"base"` or `"head"`: used in progress lines, file names and errors.
    package var description: String { rawValue }
}
