/// The known name closest to a mistyped one, for "did you mean" hints.
///
///     suggestion(for: "--sample", among: ["--samples", "--filter"])  // "--samples"
///     suggestion(for: "--out", among: ["--output"])                  // "--output" (a prefix)
///     suggestion(for: "--xy", among: ["--ab"])                       // nil
///
/// A candidate qualifies when its edit distance is at most 2 and smaller than the length of the
/// typed name without its dashes (so two-letter typos do not "match" unrelated names), or when
/// the typed name (two letters or more without dashes) is a prefix of exactly one candidate.
/// The smallest distance wins; ties go to the earlier candidate.
package func suggestion(for typed: String, among candidates: [String]) -> String? {
    let bare = typed.drop { $0 == "-" }.count
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(typed, candidate)
        if distance <= 2, distance < bare, distance < best?.distance ?? .max {
            best = (candidate, distance)
        }
    }
    if let best { return best.name }
    let extensions = candidates.filter { $0.hasPrefix(typed) }
    return bare >= 2 && extensions.count == 1 ? extensions[0] : nil
}

/// The Levenshtein distance between `a` and `b`, counted in `Character`s: the fewest
/// insertions, deletions and substitutions that turn one into the other.
///
/// - Complexity: O(a.count * b.count) time, O(b.count) space.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return a.count + b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
