import BenchResults

extension GoBenchfmt {
    /// Parses Go benchmark output into a results file (see `GoBenchfmt` for the mapping and
    /// for how failures in the output become failed benchmarks).
    ///
    /// - Parameters:
    ///   - bytes: the text; invalid UTF-8 is replaced, lines may end in LF or CRLF.
    ///   - path: the file's name, for error messages.
    /// - Throws: `ResultsError.malformed` naming `path` and the line when a benchmark line
    ///   has an iteration count but malformed value/unit pairs, a unit repeats on one line,
    ///   a value is negative or not finite, or no benchmark line (nor a failure) is found.
    /// - Complexity: O(n) in the size of the text.
    package static func read(_ bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        var parser = GoBenchfmtParser(path: path)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            let line = String(decoding: bytes[start..<stop], as: UTF8.self)
            try parser.consume(line, number: lineNumber)
            start = end + 1
        }
        return try parser.finish()
    }
}

/// The state of one parse: configuration so far, benchmarks in first-seen order, and the
/// failures the output reports (`GoBenchfmtParser+Failures`).
struct GoBenchfmtParser {
    /// One benchmark of the output: its lines' samples, or why it failed.
    struct Entry {
        var name: String
        var package: String?
        var procs: String?
        var iterations: [Int] = []
        var values: [String: [Double]] = [:]
        var unitOrder: [String] = []
        /// Why the benchmark failed, when the output says it did.
        var failure: String?
    }

    /// A benchmark whose name was printed without a result on its line (go test prints the
    /// name, runs the benchmark, then the numbers; `-v` prints the bare name first).
    struct Announced {
        var name: String
        var procs: String?
        /// Whether other text followed the name on its line (the benchmark's own output).
        var followedByText: Bool
    }

    let path: String
    var environment = Environment()
    var extra: [String: String] = [:]
    var entries: [Entry] = []
    var index: [String: Int] = [:]
    var exactUnits: Set<String> = []
    var higherUnits: Set<String> = []
    /// The metric a unit holds, from `Unit U metric=NAME` (what `GoBenchfmt.write` says for
    /// a unit it made from a metric's name and unit, `cpu-ns/op`).
    var metricNames: [String: String] = [:]
    /// The package of the last `pkg:` line, if any.
    var currentPackage: String?
    /// The benchmark announced last and not yet given its result, if any.
    var announced: Announced?
    /// Packages the output says failed (`FAIL pkg`, a panic outside a benchmark), in order,
    /// with the line that said so.
    var failedPackages: [(package: String?, reason: String)] = []
    /// A failure not yet tied to a package (see `failPackage`).
    var unattributedFailure: String?

    init(path: String) { self.path = path }

    func error(_ line: Int, _ problem: String) -> ResultsError {
        .malformed(path: path, place: "line \(line)", problem: problem)
    }

    mutating func consume(_ line: String, number: Int) throws(ResultsError) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = fields.first else { return }
        if first == "Unit" && fields.count >= 3 {
            let unit = String(fields[1])
            for option in fields.dropFirst(2) {
                if option == "assume=exact" { exactUnits.insert(unit) }
                if option == "better=higher" { higherUnits.insert(unit) }
                if option.hasPrefix("metric="), option.count > 7 { metricNames[unit] = String(option.dropFirst(7)) }
            }
            return
        }
        if failureLine(fields, line: line) { return }
        if first.hasPrefix("Benchmark") {
            try benchmarkLine(fields, number: number)
            return
        }
        configLine(line)
    }

    mutating func configLine(_ line: String) {
        guard let colon = line.firstIndex(of: ":"), let head = line.first, head.isLowercase, head.isLetter else { return }
        let key = line[..<colon]
        guard !key.contains(where: { $0 == " " || $0 == "\t" || $0.isUppercase }) else { return }
        let value = String(line[line.index(after: colon)...]).trimmingSpaces()
        switch key {
        case _ where GoBenchfmt.goKeys.contains(String(key)):
            Environment.fields.first { $0.benchfmtKey == key }!.set(value, in: &environment)
        case "pkg":
            endAnnouncement()
            currentPackage = value.isEmpty ? nil : value
        default: extra[String(key)] = value.isEmpty ? nil : value  // `key:` alone unsets, as in benchfmt
        }
    }

    mutating func benchmarkLine(_ fields: [Substring], number: Int) throws(ResultsError) {
        guard fields.count >= 2, let iterations = Int(fields[1]) else {
            announce(fields)  // A bare name, or a name with the benchmark's own output after it.
            return
        }
        guard iterations > 0 else { throw error(number, "iteration count \(iterations) must be positive") }
        guard fields.count >= 4, fields.count % 2 == 0 else {
            throw error(number, "expected \"BenchmarkName N value unit [value unit...]\"")
        }
        let (name, procs) = splitName(fields[0])
        if let announced, announced.name != name || announced.procs != procs { endAnnouncement() }
        announced = nil
        let entry = entryIndex(name, procs: procs)
        var seen: Set<String> = []
        var pending: [(String, Double)] = []
        var i = 2
        while i < fields.count {
            let unit = String(fields[i + 1])
            guard let value = Double(fields[i]), value.isFinite else {
                throw error(number, "\"\(fields[i])\" is not a number (for \(unit))")
            }
            guard value >= 0 || GoBenchfmt.builtInUnits[unit] == nil else {
                throw error(number, "\(value) \(unit) is negative")
            }
            guard seen.insert(unit).inserted else { throw error(number, "unit \(unit) appears twice") }
            pending.append((unit, value))
            i += 2
        }
        try record(pending, iterations: iterations, entry: entry, number: number)
    }

    /// Adds one line's values to `entry` as its next sample. A unit may be missing from a
    /// benchmark's later lines (a metric with fewer samples, as `convert --to benchfmt`
    /// writes peak RSS), never from its first.
    mutating func record(_ values: [(String, Double)], iterations: Int, entry: Int, number: Int) throws(ResultsError) {
        entries[entry].iterations.append(iterations)
        let sampleIndex = entries[entry].iterations.count - 1
        for (unit, value) in values {
            if entries[entry].values[unit] == nil {
                entries[entry].unitOrder.append(unit)
                if sampleIndex > 0 {
                    throw error(number, "\(unit) is missing from earlier lines of this benchmark")
                }
            } else if entries[entry].values[unit]!.count != sampleIndex {
                throw error(number, "\(unit) is missing from an earlier line of this benchmark but present on this one")
            }
            entries[entry].values[unit, default: []].append(value)
        }
    }

    /// `BenchmarkX/y-8` -> (`X/y`, `8`).
    func splitName(_ field: Substring) -> (String, String?) {
        var name = field.dropFirst("Benchmark".count)
        var procs: String?
        if let dash = name.lastIndex(of: "-") {
            let digits = name[name.index(after: dash)...]
            if !digits.isEmpty && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                procs = String(digits)
                name = name[..<dash]
            }
        }
        return (name.isEmpty ? "Benchmark" : String(name), procs)
    }

    mutating func entryIndex(_ name: String, procs: String?) -> Int {
        let key = (currentPackage.map { "\($0)\u{0}" } ?? "") + (procs.map { "\(name)-\($0)" } ?? name)
        if let existing = index[key] { return existing }
        entries.append(Entry(name: name, package: currentPackage, procs: procs))
        index[key] = entries.count - 1
        return entries.count - 1
    }
}

extension String {
    /// This string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        guard let start = firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[start...end])
    }
}
