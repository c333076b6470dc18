/// A benchmark-name pattern: `*` matches any run of characters (including `/`), `?` matches
/// exactly one character, everything else matches itself. The whole name must match.
///
///     Glob("json/*").matches("json/encode/small")   // true
///     Glob("sort/n=?").matches("sort/n=10")         // false
package struct Glob: Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    package let pattern: String
    private let characters: [Character]

    /// Creates a pattern.
    package init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    package var description: String { pattern }

    /// Whether `name` matches the whole pattern.
    ///
    /// - Complexity: O(pattern × name) worst case (iterative, with single-star backtracking;
    ///   no recursion, so hostile patterns cannot blow the stack).
    package func matches(_ name: String) -> Bool {
        let text = Array(name)
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < characters.count && (characters[p] == "?" || (characters[p] != "*" && characters[p] == text[t])) {
                p += 1
                t += 1
            } else if p < characters.count && characters[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < characters.count && characters[p] == "*" { p += 1 }
        return p == characters.count
    }
}
