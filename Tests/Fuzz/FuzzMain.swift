// The one libFuzzer entry point of memgate's fuzz binary (scripts/fuzz.sh builds it with
// `swiftc -sanitize=fuzzer`; it is not part of Package.swift). MEMGATE_FUZZ_TARGET picks the
// reader under test, so the four targets share one build. A target feeds the bytes to its
// reader and ignores the outcome: a value or a thrown error are both fine; a trap is a finding.
import Glibc

/// The readers that can be fuzzed, by the name MEMGATE_FUZZ_TARGET takes.
enum FuzzTarget: String, CaseIterable {
    case results, benchfmt, config, history

    /// Runs this target's reader on `bytes`.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .results: ResultsReaderTarget.run(bytes)
        case .benchfmt: BenchfmtReaderTarget.run(bytes)
        case .config: ConfigReaderTarget.run(bytes)
        case .history: HistoryReaderTarget.run(bytes)
        }
    }

    /// The target named by MEMGATE_FUZZ_TARGET; exits 2 naming the choices when unset or unknown.
    static let selected: FuzzTarget = {
        let name = getenv("MEMGATE_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        if let target = FuzzTarget(rawValue: name) { return target }
        let known = allCases.map(\.rawValue).joined(separator: ", ")
        fputs("memgate-fuzz: set MEMGATE_FUZZ_TARGET to one of: \(known) (got \"\(name)\")\n", stderr)
        exit(2)
    }()
}

/// libFuzzer's callback: one input, then return 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}
