/// How `JSONWriter` lays a `JSONValue` out: the separators, which arrays and objects are
/// expanded (one member per line, indented by two spaces per expanded level) and whether
/// object keys are sorted. The presets are the layouts memgate's documents use.
package struct JSONStyle: Sendable {
    /// Which arrays and objects are expanded.
    package enum Expansion: Sendable {
        /// None: the whole document on one line.
        case none
        /// Every non-empty one (Foundation's `.prettyPrinted`).
        case all
        /// The root, and the values of members with one of these keys; the rest on one line.
        case keys(Set<String>)
    }

    /// Between a key and its value on one line (`": "`).
    package var colon: String
    /// Between the members of an array or object written on one line (`", "`).
    package var comma: String
    /// Which containers are expanded.
    package var expansion: Expansion
    /// Whether object keys are written in sorted (code point) order rather than as given.
    package var sortedKeys: Bool
    /// Whether an expanded empty container holds a blank line (`[\n\n  ]`, as Foundation writes).
    package var blankEmpty = false
    /// Whether a container on one line has a space inside its brackets (`{ "a": 1 }`).
    package var padded = false

    /// Creates a style.
    package init(colon: String, comma: String, expansion: Expansion, sortedKeys: Bool, blankEmpty: Bool = false, padded: Bool = false) {
        self.colon = colon
        self.comma = comma
        self.expansion = expansion
        self.sortedKeys = sortedKeys
        self.blankEmpty = blankEmpty
        self.padded = padded
    }

    /// One line, no spaces, keys sorted: `{"a":1,"b":[2,3]}` (a history file's lines, as
    /// `JSONEncoder` with `.sortedKeys` wrote them).
    package static let compact = JSONStyle(colon: ":", comma: ",", expansion: .none, sortedKeys: true)

    /// Foundation's `.prettyPrinted` with `.sortedKeys`: `"key" : value`, everything expanded,
    /// empty containers with a blank line (the history table, the merged config file).
    package static let pretty = JSONStyle(colon: " : ", comma: ",", expansion: .all, sortedKeys: true, blankEmpty: true)

    /// Keys as given, `": "` and `", "`, the root and the values of `keys` expanded (the
    /// verdict: `.readable(expanding: ["benchmarks", "metrics"])`).
    package static func readable(expanding keys: Set<String> = []) -> JSONStyle {
        JSONStyle(colon: ": ", comma: ", ", expansion: .keys(keys), sortedKeys: false)
    }
}
