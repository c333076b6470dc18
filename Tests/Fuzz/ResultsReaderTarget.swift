import BenchResults
import GateFormats

/// The results reader every command uses for JSON (`ResultsFile.decode(json:path:)`, which
/// `read(anyFormat:)` calls for `check`, `update`, `convert`). A file it accepts must also
/// write and read back equal.
enum ResultsReaderTarget {
    static func run(_ bytes: [UInt8]) {
        (try? ResultsFile.decode(json: bytes, path: "fuzz.json"))?.checkReadsBack(from: "results reader")
    }
}
