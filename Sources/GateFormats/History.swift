import BenchResults

/// A history file: one `HistoryEntry` per line (JSON Lines), oldest first, written by
/// `memgate history append` after each gated run and read by `memgate history show` and the
/// HTML report's trend charts.
///
///     var history = try History.read(contentsOf: "history.jsonl", missingIsEmpty: true)
///     try history.append(entry, keeping: 500)
///     try history.write(to: "history.jsonl")        // atomic: the old file or the new one
///
/// Lines read from a file are written back exactly as they were (only blank lines are
/// dropped), so fields a newer memgate added within the schema survive an append by this
/// one. Reading rejects the whole file at the first bad line, naming its number.
package struct History: Sendable, Equatable {
    /// The entries, oldest first.
    package private(set) var entries: [HistoryEntry]
    /// Each entry's line as read (no line break), or nil for an entry added in memory.
    private var lines: [String?]

    /// A history of `entries`, oldest first (not validated; `write(to:)` validates new ones).
    package init(entries: [HistoryEntry] = []) {
        self.entries = entries
        self.lines = Array(repeating: nil, count: entries.count)
    }

    /// Equal when the entries are; how their lines were spelled does not matter.
    package static func == (left: History, right: History) -> Bool { left.entries == right.entries }

    /// Reads and validates the history file at `path`.
    ///
    /// - Parameter missingIsEmpty: whether a missing file is an empty history (`append`
    ///   creates the file) rather than an error (`show`). An empty file is always an empty history.
    /// - Throws: `ResultsError` naming `path`, and for a bad line its number
    ///   (`history.jsonl: at line 7: not valid JSON (...)`).
    package static func read(contentsOf path: String, missingIsEmpty: Bool = false) throws(ResultsError) -> History {
        let bytes: [UInt8]
        do throws(ResultsError) {
            bytes = try InputFile.read(path)
        } catch {
            switch error {
            case .empty: return History()
            case .missing where missingIsEmpty: return History()
            default: throw error
            }
        }
        return try parse(bytes, path: path)
    }

    /// Parses and validates JSON Lines `bytes`; `path` is used in error messages only.
    /// Lines are separated by `\n` (a `\r` before it is ignored); blank lines are skipped.
    /// Each line must be strict JSON (`StrictJSON.parse`: no duplicate keys, no trailing
    /// commas) holding an entry (`HistoryEntry(json:)`).
    package static func parse(_ bytes: [UInt8], path: String) throws(ResultsError) -> History {
        var history = History()
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            let tree: JSONValue
            do { tree = try StrictJSON.parse(Array(text), maximumNesting: ResultsFile.maximumNesting, unit: "line") } catch {
                throw .malformed(path: path, place: "line \(lineNumber), column \(error.column)", problem: error.problem)
            }
            let entry: HistoryEntry
            do { entry = try HistoryEntry(json: tree) } catch {
                let place = error.place.isEmpty ? "line \(lineNumber)" : "line \(lineNumber), \(error.place)"
                throw .malformed(path: path, place: place, problem: error.problem)
            }
            do { try entry.validate() } catch { throw error.onLine(lineNumber, path: path) }
            history.entries.append(entry)
            history.lines.append(String(decoding: text, as: UTF8.self))
        }
        return history
    }

    /// Appends `entry` (validated) as the newest run, then drops the oldest entries beyond
    /// `limit`, so at most `limit` remain.
    ///
    /// - Throws: `ResultsError.invalid` when `entry` breaks an invariant (a non-finite value,
    ///   say); the history is then unchanged. Traps if `limit` is less than 1.
    package mutating func append(_ entry: HistoryEntry, keeping limit: Int) throws(ResultsError) {
        precondition(limit >= 1, "History.append: keep at least one entry")
        try entry.validate()
        entries.append(entry)
        lines.append(nil)
        let excess = entries.count - limit
        if excess > 0 {
            entries.removeFirst(excess)
            lines.removeFirst(excess)
        }
    }

    /// The file's bytes: each entry on one line, ending with a line break; lines read from a
    /// file as they were, entries added since as compact JSON with sorted keys
    /// (`HistoryEntry.jsonValue` written by `JSONWriter` in its `.compact` style).
    ///
    /// - Throws: `ResultsError.invalid` (with the entry's line number, path empty) when an
    ///   entry added in memory breaks an invariant.
    package func jsonLines() throws(ResultsError) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, entry) in entries.enumerated() {
            if let line = lines[index] {
                bytes += line.utf8
            } else {
                do { try entry.validate() } catch { throw error.onLine(index + 1, path: "") }
                bytes += entry.jsonValue.written(.compact).utf8
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Writes the history to `path` atomically (see `AtomicFile`): a reader, or a process
    /// killed at any moment, sees the old file or the new one, never a torn line.
    ///
    /// - Throws: `ResultsError` naming `path`; the old file is then unchanged.
    package func write(to path: String) throws(ResultsError) {
        let bytes: [UInt8]
        do { bytes = try jsonLines() } catch { throw error.onLine(nil, path: path) }
        try AtomicFile.write(bytes, to: path)
    }
}

extension ResultsError {
    /// This error with `path` set and, when `line` is given, the place prefixed with it.
    fileprivate func onLine(_ line: Int?, path: String) -> ResultsError {
        guard case let .invalid(_, place, problem) = self else { return self }
        let prefixed = line.map { place.isEmpty ? "line \($0)" : "line \($0), \(place)" } ?? place
        return .invalid(path: path, place: prefixed, problem: problem)
    }
}
