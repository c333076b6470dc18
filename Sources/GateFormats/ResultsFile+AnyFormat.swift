import BenchResults

extension ResultsFile {
    /// Reads a results file in either format, detected from the content: a memgate JSON
    /// results file (first non-whitespace byte `{`) or Go benchmark text output.
    ///
    /// - Throws: a `ResultsError` naming `path`: the `InputFile` errors (missing, not a
    ///   regular file, too large, empty), nesting deeper than `maximumNesting`, and every
    ///   decoding or validation error of either format.
    package static func read(anyFormat path: String, limit: Int = InputFile.defaultLimit) throws(ResultsError) -> ResultsFile {
        let bytes = try InputFile.read(path, limit: limit)
        return try decode(anyFormat: bytes, path: path)
    }

    /// Decodes `bytes` in whichever format they are (see `read(anyFormat:)`).
    package static func decode(anyFormat bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        if GoBenchfmt.looksLikeJSON(bytes) { return try decode(json: bytes, path: path) }
        if !bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw .empty(path: path)
        }
        return try GoBenchfmt.read(bytes, path: path)
    }
}
