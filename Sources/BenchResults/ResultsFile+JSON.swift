import Foundation

extension ResultsFile {
    /// The deepest JSON nesting accepted before decoding (a results file needs 6 levels).
    /// Foundation's JSON parser on Linux already rejects more than 512 levels; this guard
    /// makes the limit explicit and independent of the platform's parser.
    package static let maximumNesting = 64

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

    /// Decodes and validates `bytes` with `JSONDecoder` alone: the reference the fast parser
    /// is tested against, and the source of precise errors.
    static func decodeWithCodable(_ bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        let file: ResultsFile
        do {
            file = try JSONDecoder().decode(ResultsFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ResultsError.malformed(path: path, place: error.place, problem: error.problem)
        } catch {
            throw ResultsError.malformed(path: path, place: "", problem: "\(error)")
        }
        do { try file.validate() } catch { throw error.at(path: path) }
        return file
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

extension DecodingError {
    /// The coding path as `benchmarks[2].metrics.time`, empty at the top level.
    package var place: String {
        let path: [CodingKey]
        switch self {
        case let .typeMismatch(_, context), let .valueNotFound(_, context),
             let .keyNotFound(_, context), let .dataCorrupted(context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    /// What is wrong, in words, without Foundation's internal details.
    package var problem: String {
        switch self {
        case let .typeMismatch(type, _): return "expected \(Self.describe(type))"
        case let .valueNotFound(type, _): return "expected \(Self.describe(type)), found null"
        case let .keyNotFound(key, _): return "missing required field \"\(key.stringValue)\""
        case let .dataCorrupted(context):
            if let underlying = context.underlyingError {
                return "not valid JSON (\(Self.describe(underlying)))"
            }
            return context.debugDescription
        @unknown default:
            return "\(self)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
    }
}
