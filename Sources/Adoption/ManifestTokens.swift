/// Why `memgate init` will not edit a Package.swift itself, in words for the user: the text
/// holds something the editor does not understand well enough to change safely.
package struct ManifestRefusal: Error, Equatable, CustomStringConvertible {
    /// What was found, e.g. "`targets:` is not an array literal".
    package var reason: String
    /// The reason.
    package var description: String { reason }

    /// A refusal saying `reason`.
    package init(_ reason: String) { self.reason = reason }
}

/// A Swift source file cut into the few kinds of token a manifest edit needs: identifiers,
/// brackets and separators, string literals, `#` directives. Comments and whitespace are
/// dropped, so `targets:` inside a comment or a string is never taken for a label.
///
///     let tokens = try ManifestTokens("let package = Package(name: \"Foo\") // Package(")
///     tokens.tokens.map(\.kind)   // identifier let, other, identifier Package, (, identifier name, :, string, )
///
/// String literals are read whole: plain, multi-line (`"""`), raw (`#"..."#`, `##"""..."""##`),
/// with their escapes and interpolations (`\(x)`, `\#(x)` in raw strings), which may hold
/// strings of their own. Block comments nest, as in Swift. Anything the lexer cannot read
/// with certainty (an unterminated string or comment, a regex literal `#/.../#`) is a
/// `ManifestRefusal`, never a guess. Offsets are UTF-8 byte offsets into `bytes`.
struct ManifestTokens {
    /// What a token is.
    enum Kind: Equatable {
        /// A name (a backquoted name without its backquotes).
        case identifier(String)
        /// One of `( ) [ ] { } : , .`.
        case punctuation(Character)
        /// A whole string literal, delimiters included.
        case string
        /// `#if`, `#else`, `#filePath`, ...: the name after `#`.
        case directive(String)
        /// Anything else: numbers, operators, `=`.
        case other
    }

    /// One token and where it is.
    struct Token: Equatable {
        /// What it is.
        var kind: Kind
        /// Its UTF-8 byte range in the source.
        var range: Range<Int>
    }

    /// The source's UTF-8 bytes.
    let bytes: [UInt8]
    /// The tokens, in source order.
    let tokens: [Token]

    /// Cuts `source` into tokens.
    ///
    /// - Throws: `ManifestRefusal` for an unterminated string, comment or interpolation, or a
    ///   `#` that starts neither a raw string nor a directive.
    init(_ source: String) throws(ManifestRefusal) {
        var lexer = Lexer(bytes: Array(source.utf8))
        var tokens: [Token] = []
        while let token = try lexer.next() { tokens.append(token) }
        self.bytes = lexer.bytes
        self.tokens = tokens
    }
}

/// The scanner behind `ManifestTokens`: a position in the bytes and the next token from it.
private struct Lexer {
    let bytes: [UInt8]
    var index = 0

    /// The byte `offset` places ahead, or 0 past the end.
    func peek(_ offset: Int = 0) -> UInt8 {
        index + offset < bytes.count ? bytes[index + offset] : 0
    }

    /// Whether the bytes at `position` spell `text`.
    func matches(_ text: String, at position: Int) -> Bool {
        let pattern = Array(text.utf8)
        return position + pattern.count <= bytes.count && Array(bytes[position..<position + pattern.count]) == pattern
    }

    /// Whether `count` `#` bytes start at `position`.
    func hashes(_ count: Int, at position: Int) -> Bool {
        matches(String(repeating: "#", count: count), at: position)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24 || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The next token, or nil at the end of the source.
    mutating func next() throws(ManifestRefusal) -> ManifestTokens.Token? {
        try skipTrivia()
        guard index < bytes.count else { return nil }
        let start = index
        let byte = bytes[index]
        let kind: ManifestTokens.Kind
        switch byte {
        case UInt8(ascii: "\""):
            try string(hashes: 0)
            kind = .string
        case UInt8(ascii: "#"):
            kind = try hashed()
        case UInt8(ascii: "`"):
            index += 1
            let nameStart = index
            while index < bytes.count && bytes[index] != UInt8(ascii: "`") && bytes[index] != 0x0A { index += 1 }
            guard peek() == UInt8(ascii: "`") else { throw ManifestRefusal("a backquoted name is not closed") }
            kind = .identifier(String(decoding: bytes[nameStart..<index], as: UTF8.self))
            index += 1
        case _ where Self.isIdentifierStart(byte):
            while index < bytes.count && Self.isIdentifierByte(bytes[index]) { index += 1 }
            kind = .identifier(String(decoding: bytes[start..<index], as: UTF8.self))
        case _ where "()[]{}:,.".utf8.contains(byte):
            index += 1
            kind = .punctuation(Character(Unicode.Scalar(byte)))
        default:
            index += 1
            while byte >= 0x30 && byte <= 0x39 && index < bytes.count && Self.isIdentifierByte(bytes[index]) { index += 1 }
            kind = .other
        }
        return ManifestTokens.Token(kind: kind, range: start..<index)
    }

    /// After a `#`: a raw string (`#"`, `##"""`) or a directive (`#if`).
    mutating func hashed() throws(ManifestRefusal) -> ManifestTokens.Kind {
        var count = 0
        while peek(count) == UInt8(ascii: "#") { count += 1 }
        if peek(count) == UInt8(ascii: "\"") {
            index += count
            try string(hashes: count)
            return .string
        }
        guard count == 1, Self.isIdentifierStart(peek(1)) else {
            throw ManifestRefusal("a '#' that starts neither a raw string nor a directive (a regex literal?)")
        }
        index += 1
        let nameStart = index
        while index < bytes.count && Self.isIdentifierByte(bytes[index]) { index += 1 }
        return .directive(String(decoding: bytes[nameStart..<index], as: UTF8.self))
    }

    /// Skips whitespace, `//` comments and (nested) `/* */` comments.
    mutating func skipTrivia() throws(ManifestRefusal) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if matches("//", at: index) {
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            } else if matches("/*", at: index) {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    /// Skips a block comment starting at `index`, with the comments nested in it.
    mutating func skipBlockComment() throws(ManifestRefusal) {
        var depth = 0
        repeat {
            if matches("/*", at: index) {
                depth += 1
                index += 2
            } else if matches("*/", at: index) {
                depth -= 1
                index += 2
            } else {
                index += 1
            }
        } while depth > 0 && index < bytes.count
        guard depth == 0 else { throw ManifestRefusal("a /* comment is not closed") }
    }

    /// Reads a string literal whose opening quote is at `index` (after `hashes` `#`), up to
    /// and including its closing delimiter, skipping escapes and interpolations.
    mutating func string(hashes count: Int) throws(ManifestRefusal) {
        let multiline = matches("\"\"\"", at: index)
        let quote = multiline ? "\"\"\"" : "\""
        index += quote.utf8.count
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && hashes(count, at: index + 1) {
                index += 1 + count
                if peek() == UInt8(ascii: "(") {
                    index += 1
                    try interpolation()
                } else {
                    index += 1
                }
            } else if matches(quote, at: index) && hashes(count, at: index + quote.utf8.count) {
                index += quote.utf8.count + count
                return
            } else if !multiline && (byte == 0x0A || byte == 0x0D) {
                throw ManifestRefusal("a string literal runs past the end of its line")
            } else {
                index += 1
            }
        }
        throw ManifestRefusal("a string literal is not closed")
    }

    /// Skips an interpolation's tokens after its `\(`, up to and including the matching `)`.
    mutating func interpolation() throws(ManifestRefusal) {
        var depth = 1
        while let token = try next() {
            if token.kind == .punctuation("(") { depth += 1 }
            if token.kind == .punctuation(")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw ManifestRefusal("a string interpolation is not closed")
    }
}
