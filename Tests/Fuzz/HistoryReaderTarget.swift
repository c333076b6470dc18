import BenchResults
import GateFormats

/// The history reader (`History.parse(_:path:)`, JSON Lines), as `history show` and
/// `history append` read a history file.
enum HistoryReaderTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? History.parse(bytes, path: "history.jsonl")
    }
}
