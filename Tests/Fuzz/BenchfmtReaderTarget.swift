import BenchResults

/// The Go benchfmt reader (`GoBenchfmt.read(_:path:)`), as `check` reads a text file.
enum BenchfmtReaderTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? GoBenchfmt.read(bytes, path: "fuzz.txt")
    }
}
