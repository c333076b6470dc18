/// A regular expression matched in time linear in the text (a Thompson NFA, as RE2 and
/// Go's `regexp` do): the matcher behind `--filter` and `--skip`, so no pattern can take
/// exponential time on a benchmark name, as `(a+)+$` does in a backtracking engine.
///
///     let pattern = try LinearRegex("^json/(encode|decode)$")
///     pattern.matches(in: "json/encode")   // true
///
/// The syntax is the common core of Swift's `Regex`, PCRE and RE2: literals; `.` (any
/// Unicode scalar but a line break); classes `[abc]`, `[^a-z]`; `\d \w \s` and `\D \W \S`;
/// escapes `\n \t \r \f \v \e \a`, `\x{1F}`, `\xHH`, `\u{..}`, `\uHHHH` and any punctuation;
/// anchors `^ $ \A \z` and word boundaries `\b \B`; groups `(...)` and `(?:...)`;
/// alternation `|`; quantifiers `* + ? {n} {n,} {n,m}`, optionally lazy (`*?`, which finds
/// the same matches). Text is matched Unicode scalar by scalar, case-sensitively.
/// Anything else (backreferences, lookaround, possessive quantifiers, flags, named groups,
/// `\p{..}`) is refused with an error that says so: none of it can be matched in linear time
/// or it is rare enough in a name filter not to be worth a second engine.
package struct LinearRegex: Sendable {
    let program: [Instruction]
    let classes: [ScalarClass]

    /// Why a pattern was refused: what and at which scalar offset.
    package struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, in words.
        package var problem: String
        /// The offset, in Unicode scalars, of the part refused.
        package var offset: Int

        package var description: String { "\(problem) (at offset \(offset))" }
    }

    /// The largest compiled program accepted (a bound on `{n,m}` expansion and on the
    /// matcher's per-scalar work).
    package static let maximumProgramSize = 10_000

    /// Compiles `pattern`.
    /// - Throws: `SyntaxError` for invalid or unsupported syntax, or a pattern that
    ///   compiles to more than `maximumProgramSize` instructions.
    package init(_ pattern: String) throws(SyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.compile(node)
        compiler.emit(.match)
        program = compiler.program
        classes = compiler.classes
    }

    /// Whether the pattern matches somewhere in `text`.
    /// - Complexity: O(text length × program size).
    package func matches(in text: String) -> Bool {
        var simulation = RegexSimulation(regex: self, text: Array(text.unicodeScalars))
        return simulation.run()
    }
}

/// One parsed pattern: the tree the compiler turns into a program.
indirect enum RegexNode {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarClass)
    case assertion(RegexAssertion)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
}

/// A zero-width test at a position.
enum RegexAssertion: Sendable {
    case start, end, wordBoundary, notWordBoundary

    func holds(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        switch self {
        case .start: return before == nil
        case .end: return after == nil
        case .wordBoundary, .notWordBoundary:
            let boundary = (before.map(ScalarClass.isWord) ?? false) != (after.map(ScalarClass.isWord) ?? false)
            return boundary == (self == .wordBoundary)
        }
    }
}

/// A set of Unicode scalars: ranges and named classes, possibly negated.
struct ScalarClass: Sendable {
    enum Item: Sendable {
        case range(ClosedRange<UInt32>)
        case named(Named, negated: Bool)
    }

    enum Named: Sendable { case digit, word, space }

    var items: [Item] = []
    var negated = false

    /// `.`: every scalar but `\n`.
    static let dot = ScalarClass(items: [.range(0x0A...0x0A)], negated: true)

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let found = items.contains { item in
            switch item {
            case .range(let range): range.contains(scalar.value)
            case let .named(named, negated): Self.has(named, scalar) != negated
            }
        }
        return found != negated
    }

    static func has(_ named: Named, _ scalar: Unicode.Scalar) -> Bool {
        switch named {
        case .digit: scalar.properties.numericType == .decimal
        case .word: isWord(scalar)
        case .space: scalar.properties.isWhitespace
        }
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            || scalar.properties.generalCategory == .nonspacingMark
    }
}
