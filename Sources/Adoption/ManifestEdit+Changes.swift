extension ManifestEdit {
    /// One place the edit changes, as whole lines: what `--dry-run` shows.
    package struct Change: Equatable, Sendable {
        /// The 1-based line of the original: the first line `removed` replaces, or, when
        /// nothing is removed, the line the new lines go before.
        package var line: Int
        /// Original lines the change rewrites (a line that gains a comma); often none.
        package var removed: [String]
        /// The lines in their place.
        package var added: [String]
    }

    /// The edit as line changes, top to bottom. A line that gains text (a comma, an element
    /// of a one-line array) is removed and added again; a modified line directly followed by
    /// new lines is one change.
    package var changes: [Change] {
        let bytes = Array(original.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        func lineIndex(_ offset: Int) -> Int { (starts.lastIndex { $0 <= offset }) ?? 0 }
        func text(_ slice: ArraySlice<UInt8>) -> [String] {
            String(decoding: slice, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        }

        var pure: [Change] = []
        var modified: [Int: [Insertion]] = [:]
        for insertion in insertions {
            let index = lineIndex(insertion.offset)
            if starts[index] == insertion.offset && insertion.text.hasSuffix("\n") {
                pure.append(Change(line: index + 1, removed: [], added: text(ArraySlice(insertion.text.utf8).dropLast())))
            } else {
                modified[index, default: []].append(insertion)
            }
        }
        let rewritten = modified.map { index, lineInsertions in
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
            var line = Array(bytes[starts[index]..<end])
            for insertion in lineInsertions.reversed() {
                line.insert(contentsOf: Array(insertion.text.utf8), at: insertion.offset - starts[index])
            }
            return Change(line: index + 1, removed: text(bytes[starts[index]..<end]), added: text(line[...]))
        }
        var merged: [Change] = []
        for change in (pure + rewritten).sorted(by: { ($0.line, $0.removed.count) < ($1.line, $1.removed.count) }) {
            if let previous = merged.last, !previous.removed.isEmpty, change.removed.isEmpty,
               previous.line + previous.removed.count == change.line {
                merged[merged.count - 1].added += change.added
            } else {
                merged.append(change)
            }
        }
        return merged
    }
}
