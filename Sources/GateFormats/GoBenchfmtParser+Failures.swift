import BenchResults

/// How the reader turns what `go test` prints when something goes wrong into failed
/// benchmarks, so that no failure reads as a pass:
///
/// - `--- FAIL: BenchmarkX` (alone, or after X's name on its line, as `go test` without `-v`
///   prints it): X failed.
/// - `panic:` (at the start of a line, or after a name): the benchmark announced last without
///   a result panicked; with none announced, its package failed.
/// - `FAIL pkg [build failed]`, `FAIL pkg 0.1s` or a bare `FAIL`: the package failed. It is
///   recorded as a failed benchmark `pkg.*` (`*` without a package), which `memgate check`
///   expands into the baseline's benchmarks of that package that did not run.
/// - A result split from its name by the benchmark's own output (`BenchmarkX-8  hello`, the
///   numbers on a later line), or a name followed by text and never by a result: X failed,
///   since its numbers cannot be attributed with certainty.
extension GoBenchfmtParser {
    /// The name of the failed benchmark that stands for `package`'s benchmarks that did not run.
    static func packageFailureName(_ package: String?) -> String {
        package.map { "\($0).*" } ?? "*"
    }

    /// Handles `line` when it reports a failure; returns whether it did.
    mutating func failureLine(_ fields: [Substring], line: String) -> Bool {
        if let dashes = fields.firstIndex(of: "---"), dashes + 2 < fields.count, fields[dashes + 1] == "FAIL:",
           fields[dashes + 2].hasPrefix("Benchmark") {
            let (name, procs) = splitName(fields[dashes + 2])
            if announced?.name == name && announced?.procs == procs { announced = nil }
            fail(name, procs: procs, because: "--- FAIL in the go test output")
            return true
        }
        let named = fields[0].hasPrefix("Benchmark")
        if (named && fields.count > 1 && fields[1] == "panic:") || (!named && line.hasPrefix("panic:")) {
            let message = fields[(named ? 1 : 0)...].joined(separator: " ")
            if named {
                endAnnouncement()
                let (name, procs) = splitName(fields[0])
                fail(name, procs: procs, because: "panicked: \(message)")
            } else if let announced {
                self.announced = nil
                fail(announced.name, procs: announced.procs, because: "panicked: \(message)")
            } else {
                failPackage(currentPackage, because: message)
            }
            return true
        }
        if fields[0] == "FAIL" && line.hasPrefix("FAIL") {
            let reason = fields.joined(separator: " ")
            if let announced {
                self.announced = nil
                fail(announced.name, procs: announced.procs, because: "did not finish: its package failed (\(reason))")
            }
            failPackage(fields.count > 1 ? String(fields[1]) : currentPackage, because: reason)
            if fields.count > 1 { currentPackage = nil }
            return true
        }
        if fields[0] == "ok" && line.hasPrefix("ok") && fields.count > 1 {
            endAnnouncement()
            currentPackage = nil  // The package's output ended; the next one repeats its `pkg:` line.
            return true
        }
        if announced != nil && !fields[0].hasPrefix("Benchmark") && Self.hasResult(fields[...]) {
            let split = announced!
            announced = nil
            fail(split.name, procs: split.procs, because: "its result was split from its name by output it printed; "
                + "the numbers cannot be attributed with certainty (print to standard error, or use b.Log)")
            return true
        }
        return false
    }

    /// Remembers a name printed without a result on its line (`fields` is not a result); a
    /// `--- SKIP` after it counts as a bare name (a skipped benchmark did not fail).
    mutating func announce(_ fields: [Substring]) {
        endAnnouncement()
        let (name, procs) = splitName(fields[0])
        guard fields.count > 1, !(fields[1] == "---" && fields.count > 2 && fields[2] == "SKIP:") else {
            announced = Announced(name: name, procs: procs, followedByText: false)
            return
        }
        if Self.hasResult(fields[1...]) {
            fail(name, procs: procs, because: "its result line holds output the benchmark printed; "
                + "the numbers cannot be attributed with certainty (print to standard error, or use b.Log)")
        } else {
            announced = Announced(name: name, procs: procs, followedByText: true)
        }
    }

    /// Called when the last announced benchmark can no longer get its result: one whose
    /// name was followed by its own output failed; a bare name (`-v`, a parent of
    /// sub-benchmarks) is dropped.
    mutating func endAnnouncement() {
        guard let announced else { return }
        self.announced = nil
        if announced.followedByText {
            fail(announced.name, procs: announced.procs, because: "printed output after its name and no result")
        }
    }

    /// Marks a benchmark failed (created when the output had no result for it); the first
    /// reason is kept.
    mutating func fail(_ name: String, procs: String?, because reason: String) {
        let entry = entryIndex(name, procs: procs)
        if entries[entry].failure == nil { entries[entry].failure = reason }
    }

    /// Records that `package` failed (once per package; the first reason is kept). A failure
    /// outside any known package (`package` nil: a panic or a bare `FAIL` before a `pkg:`
    /// line) waits for the `FAIL pkg` line that names its package; `finish` records it as
    /// `*` when none comes.
    mutating func failPackage(_ package: String?, because reason: String) {
        guard let package else {
            if unattributedFailure == nil { unattributedFailure = reason }
            return
        }
        if let earlier = unattributedFailure {
            unattributedFailure = nil
            failPackage(package, because: "\(reason): \(earlier)")
            return
        }
        guard !failedPackages.contains(where: { $0.package == package }) else { return }
        failedPackages.append((package, reason))
    }

    /// Whether some tail of `fields` reads as a result: an iteration count, then value/unit
    /// pairs with at least one unit Go writes (`ns/op`, `B/op`, `allocs/op`, `MB/s`).
    /// - Complexity: O(n), one pass from the end.
    static func hasResult(_ fields: ArraySlice<Substring>) -> Bool {
        var unit = fields.endIndex - 1
        var goUnit = false
        while unit - 2 >= fields.startIndex, Double(fields[unit - 1]) != nil {
            goUnit = goUnit || GoBenchfmt.builtInUnits[String(fields[unit])] != nil
            if goUnit, let count = Int(fields[unit - 2]), count > 0 { return true }
            unit -= 2
        }
        return false
    }
}
