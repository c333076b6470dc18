/// Adds memgate's dependency and the benchmark target to a Package.swift as text, in the
/// file's own indentation, or refuses when the file is not plainly shaped.
///
///     let edit = try ManifestEdit(manifest: text, dependency: .dependency(source), target: benchmarkTarget)
///     edit.edited      // the new manifest
///     edit.insertions  // what goes where, for --dry-run
///
/// What it changes: inside the file's single `Package(` call, it appends the target to the
/// array of the `targets:` argument, and the dependency to the array of `dependencies:` (or
/// adds a `dependencies: [...]` argument just before `targets:`, its place in
/// `Package.init`'s parameter order). An array written one element a line gets lines in the
/// indentation of its first element (a comma is added after the last element if it has none,
/// and the new element ends with one only if the old last one did); an array written on one
/// line gets the element on that line. Nothing else in the file changes: only insertions.
///
/// It refuses (`ManifestRefusal`, then the caller shows the snippet to paste) on anything it
/// cannot read with certainty: no `Package(` call or more than one, `#if` anywhere,
/// no `targets:` at the top level of the call, a value that is not an array literal
/// (`targets: allTargets`, `targets: [...] + more`), unbalanced brackets, strings or comments
/// the lexer cannot close. What it writes is still only text: the caller checks the result
/// with SwiftPM before writing it (see `ManifestVerification`).
package struct ManifestEdit: Equatable, Sendable {
    /// Text to insert at a UTF-8 byte offset of the original.
    package struct Insertion: Equatable, Sendable {
        /// The UTF-8 byte offset in the original manifest.
        package var offset: Int
        /// What goes there.
        package var text: String
    }

    /// The manifest as read.
    package let original: String
    /// The insertions, by ascending offset.
    package let insertions: [Insertion]

    /// The edited manifest: `original` with every insertion made.
    package var edited: String {
        var bytes = Array(original.utf8)
        for insertion in insertions.reversed() { bytes.insert(contentsOf: Array(insertion.text.utf8), at: insertion.offset) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Plans the insertion of `dependency` (when non-nil) and `target` (when non-nil) into
    /// `manifest`.
    ///
    /// - Throws: `ManifestRefusal` saying what made the file unsafe to edit.
    package init(manifest: String, dependency: ManifestEntry?, target: ManifestEntry?) throws(ManifestRefusal) {
        var source = try ManifestSource(manifest)
        let call = try source.packageCall()
        let labels = try source.labels(in: call)
        guard let targetsLabel = labels["targets"] else {
            throw ManifestRefusal("the Package(...) call has no `targets:` argument")
        }
        let targets = try source.array(afterLabel: targetsLabel, in: call)
        var insertions: [Insertion] = []
        if let target { insertions += source.append(target, to: targets) }
        if let dependency {
            if let label = labels["dependencies"] {
                insertions += source.append(dependency, to: try source.array(afterLabel: label, in: call))
            } else {
                insertions.append(source.dependenciesArgument(dependency, before: targetsLabel))
            }
        }
        original = manifest
        self.insertions = insertions.sorted { $0.offset < $1.offset }
    }
}

/// A manifest's tokens, their bracket pairs and its lines, for `ManifestEdit`.
private struct ManifestSource {
    let tokens: [ManifestTokens.Token]
    let bytes: [UInt8]
    /// For every bracket token, the index of its partner.
    let partner: [Int: Int]
    /// The file's line break: `\r\n` if it uses it, else `\n`.
    let newline: String
    /// One level of indentation, from the file (the first label's over the `Package(` line's).
    var unit = "    "

    init(_ manifest: String) throws(ManifestRefusal) {
        let lexed = try ManifestTokens(manifest)
        tokens = lexed.tokens
        bytes = lexed.bytes
        newline = manifest.utf8.firstRange(of: "\r\n".utf8) == nil ? "\n" : "\r\n"
        let conditional = ["if", "elseif", "else", "endif"]
        if let directive = tokens.first(where: { if case .directive(let name) = $0.kind { conditional.contains(name) } else { false } }),
           case .directive(let name) = directive.kind {
            throw ManifestRefusal("it uses #\(name) (conditional compilation)")
        }
        var stack: [(index: Int, close: Character)] = []
        var pairs: [Int: Int] = [:]
        let closers: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
        for (index, token) in tokens.enumerated() {
            guard case .punctuation(let mark) = token.kind else { continue }
            if let close = closers[mark] {
                stack.append((index, close))
            } else if closers.values.contains(mark) {
                guard let open = stack.popLast(), open.close == mark else { throw ManifestRefusal("its brackets do not balance") }
                pairs[open.index] = index
                pairs[index] = open.index
            }
        }
        guard stack.isEmpty else { throw ManifestRefusal("its brackets do not balance") }
        partner = pairs
    }

    /// The `(` and `)` token indices of the one `Package(` call.
    func packageCall() throws(ManifestRefusal) -> (open: Int, close: Int) {
        let calls = tokens.indices.dropLast().filter {
            tokens[$0].kind == .identifier("Package") && tokens[$0 + 1].kind == .punctuation("(")
        }
        guard calls.count == 1, let name = calls.first else {
            throw ManifestRefusal(calls.isEmpty ? "it has no `Package(` call" : "it has \(calls.count) `Package(` calls")
        }
        return (name + 1, partner[name + 1]!)
    }

    /// The argument labels at the top level of `call`, with the token index of each.
    mutating func labels(in call: (open: Int, close: Int)) throws(ManifestRefusal) -> [String: Int] {
        var labels: [String: Int] = [:]
        var index = call.open + 1
        while index < call.close {
            if case .identifier(let name) = tokens[index].kind, tokens[index + 1].kind == .punctuation(":") {
                guard labels[name] == nil else { throw ManifestRefusal("the Package(...) call has `\(name):` twice") }
                labels[name] = index
            }
            index = (partner[index].map { $0 > index ? $0 : index } ?? index) + 1
        }
        if let first = labels.values.sorted().first(where: isFirstOnLine) {
            let inner = indentation(ofLineAt: tokens[first].range.lowerBound)
            let outer = indentation(ofLineAt: tokens[call.open - 1].range.lowerBound)
            if inner.count > outer.count, inner.hasPrefix(outer) { unit = String(inner.dropFirst(outer.count)) }
        }
        return labels
    }

    /// The `[` and `]` of the array literal that is the whole value of the label at `label`.
    func array(afterLabel label: Int, in call: (open: Int, close: Int)) throws(ManifestRefusal) -> (open: Int, close: Int) {
        guard case .identifier(let name) = tokens[label].kind else { preconditionFailure("not a label") }
        let open = label + 2
        guard tokens[open].kind == .punctuation("["), let close = partner[open] else {
            throw ManifestRefusal("`\(name):` is not given an array literal")
        }
        guard close + 1 == call.close || tokens[close + 1].kind == .punctuation(",") else {
            throw ManifestRefusal("`\(name):` is given more than an array literal")
        }
        return (open, close)
    }

    /// The insertions that append `entry` to the array between `open` and `close`.
    func append(_ entry: ManifestEntry, to array: (open: Int, close: Int)) -> [ManifestEdit.Insertion] {
        let empty = array.close == array.open + 1
        let last = tokens[array.close - 1]
        let trailingComma = !empty && last.kind == .punctuation(",")
        let closeOffset = tokens[array.close].range.lowerBound
        guard isFirstOnLine(array.close) else {
            if trailingComma { return [.init(offset: last.range.upperBound, text: " \(entry.inline),")] }
            return [.init(offset: closeOffset, text: (empty ? "" : ", ") + entry.inline)]
        }
        let indent = !empty && isFirstOnLine(array.open + 1)
            ? indentation(ofLineAt: tokens[array.open + 1].range.lowerBound)
            : indentation(ofLineAt: closeOffset) + unit
        let lines = entry.lines(indent: indent, unit: unit, trailingComma: empty || trailingComma)
        var insertions = [ManifestEdit.Insertion(offset: lineStart(of: closeOffset), text: lines.map { $0 + newline }.joined())]
        if !empty && !trailingComma { insertions.insert(.init(offset: last.range.upperBound, text: ","), at: 0) }
        return insertions
    }

    /// The insertion of a `dependencies: [entry]` argument before the label at `label`.
    func dependenciesArgument(_ entry: ManifestEntry, before label: Int) -> ManifestEdit.Insertion {
        let offset = tokens[label].range.lowerBound
        guard isFirstOnLine(label) else { return .init(offset: offset, text: "dependencies: [\(entry.inline)], ") }
        let indent = indentation(ofLineAt: offset)
        let lines = ["\(indent)dependencies: ["] + entry.lines(indent: indent + unit, unit: unit, trailingComma: true) + ["\(indent)],"]
        return .init(offset: lineStart(of: offset), text: lines.map { $0 + newline }.joined())
    }

    /// The offset where the line holding `offset` starts.
    func lineStart(of offset: Int) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// The spaces and tabs that start the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> String {
        let start = lineStart(of: offset)
        var end = start
        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether only spaces and tabs come before token `index` on its line.
    func isFirstOnLine(_ index: Int) -> Bool {
        let offset = tokens[index].range.lowerBound
        return indentation(ofLineAt: offset).utf8.count == offset - lineStart(of: offset)
    }
}
