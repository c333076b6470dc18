import BenchResults
import GateFormats

/// The Go benchfmt reader (`GoBenchfmt.read(_:path:)`), as `check` and `convert` read a text
/// file. A file it accepts must convert to JSON that reads back equal (`convert --to json`).
enum BenchfmtReaderTarget {
    static func run(_ bytes: [UInt8]) {
        (try? GoBenchfmt.read(bytes, path: "fuzz.txt"))?.checkReadsBack(from: "benchfmt reader")
    }
}
