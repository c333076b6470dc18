import BenchResults

/// The results reader every command uses for JSON (`ResultsFile.decode(json:path:)`, which
/// `read(anyFormat:)` calls for `check`, `update`, `convert`). A file it accepts must also
/// write: `jsonBytes()` of a decoded file reads back to an equal value (in the current schema,
/// which every write uses).
enum ResultsReaderTarget {
    static func run(_ bytes: [UInt8]) {
        guard var file = try? ResultsFile.decode(json: bytes, path: "fuzz.json") else { return }
        file.schema = ResultsFile.currentSchema
        guard let written = try? file.jsonBytes() else { fatalError("a decoded results file does not encode") }
        guard let again = try? ResultsFile.decode(json: written, path: "fuzz.json"), again == file else {
            fatalError("a decoded results file does not read back equal after jsonBytes()")
        }
    }
}
