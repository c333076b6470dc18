import Foundation

extension ResultsFile {
    /// Reads, decodes and validates the results file at `path`.
    ///
    /// - Throws: a `ResultsError` naming `path` and, for content errors, the place in the
    ///   document (`benchmarks[3] "sort".metrics.time.samples[2]`) and what is wrong.
    package static func read(contentsOf path: String) throws(ResultsError) -> ResultsFile {
        try decode(json: InputFile.read(path), path: path)
    }

    /// Decodes and validates a results document; `path` is used in error messages only.
    ///
    /// Every reader of results goes through here: the fast parser (`decodeFast`) first, and
    /// for a document it does not accept, `StrictJSON.check` (which names the line, the
    /// column and the JSON problem: a duplicate key, a trailing comma, a truncated file) and
    /// then `JSONDecoder` (which names the field and the schema problem). Both accept the
    /// same documents, strict JSON only, and produce the same value
    /// (FastDecoderAgreementTests checks it on every fixture file).
    package static func decode(json bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        if let file = decodeFast(bytes) {  // Bounded nesting by construction.
            do { try file.validate() } catch { throw error.at(path: path) }
            return file
        }
        do { try StrictJSON.check(bytes, maximumNesting: maximumNesting) } catch {
            throw .malformed(path: path, place: error.place, problem: error.problem)
        }
        return try decodeWithCodable(bytes, path: path)
    }

    /// The JSON encoding of this file: pretty-printed, keys sorted, and arrays of plain
    /// numbers (samples, iterations) on one line, so a re-recorded benchmark changes a
    /// few lines of a baseline, not hundreds.
    package func jsonBytes() throws(ResultsError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = Array(JSONLayout.numberArraysOnOneLine(String(decoding: try encoder.encode(self), as: UTF8.self)).utf8)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw .unwritable(path: "", reason: "cannot encode: \(error)")
        }
    }

    /// Validates, encodes and atomically writes this file to `path` (see `AtomicFile`).
    package func write(to path: String) throws(ResultsError) {
        do { try validate() } catch { throw error.at(path: path) }
        let bytes: [UInt8]
        do { bytes = try jsonBytes() } catch { throw .unwritable(path: path, reason: "\(error)") }
        try AtomicFile.write(bytes, to: path)
    }
}

