/// A regular expression that matches exactly one benchmark name, for running a single
/// benchmark of an executable with `--filter`.
///
///     ExactNamePattern.regex(for: "sort/n=1000")   // "^sort\/n\=1000$"
///
/// Every ASCII character other than a letter, a digit or `_` is escaped with a backslash
/// (a backslash before ASCII punctuation or a space is always a literal in the regex syntax
/// BenchKit uses), so names with `.`, `(`, `[`, `*` or spaces match only themselves;
/// non-ASCII characters are literals already. Pure.
package enum ExactNamePattern {
    /// `^` + the escaped name + `$`.
    package static func regex(for name: String) -> String {
        "^" + escaped(name) + "$"
    }

    /// A pattern that matches exactly the names of `names`: `^(?:a|b)$`, each escaped.
    package static func regex(forAnyOf names: [String]) -> String {
        "^(?:" + names.map(escaped).joined(separator: "|") + ")$"
    }

    /// `name` with every ASCII character other than a letter, a digit or `_` escaped.
    private static func escaped(_ name: String) -> String {
        var pattern = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") {
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    // Control characters: by code, so the pattern stays printable.
                    pattern += "\\x{\(String(scalar.value, radix: 16))}"
                    continue
                }
                pattern += "\\"
            }
            pattern.unicodeScalars.append(scalar)
        }
        return pattern
    }
}
