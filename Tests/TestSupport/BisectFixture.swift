import BenchResults
import GateCore

/// `BisectResult`s as `memgate bisect` makes them, for the renderers' tests: a line of 8
/// commits after GOOD whose 5th added one allocation per op to "blocks".
package enum BisectFixture {
    /// GOOD, 8 commits, BAD last; commit `i`'s hash is `i` repeated, its subject `change i`
    /// (the 5th: `subject`).
    package static func line(subject: String = "Add a flush") -> [BisectCommit] {
        (0...8).map { index in
            BisectCommit(hash: String(repeating: "\(index)", count: 40), subject: index == 5 ? subject : "change \(index)",
                         authorDate: "2026-12-0\(index + 1)T10:00:00+01:00")
        }
    }

    /// The target: blocks allocs, 2 -> 3 allocs/op at the ends, threshold +0.
    package static let target = BisectTarget(
        benchmark: "blocks", metric: "allocs", exact: true,
        ends: MetricComparison(metric: "allocs", unit: .allocationsPerOp, better: .lower, exact: true, baseline: 2, current: 3,
                               change: 0.5, threshold: .absolute(0), verdict: .regression))

    /// One run of "blocks" with `allocs` per op, and a site profile (a 32-byte site when 3).
    package static func run(allocs: Double) -> ResultsFile {
        var sites = [AllocationSite(key: "make", allocationsPerOp: 2, bytesPerOp: 128, frames: ["Blocks.make(_:)"])]
        if allocs == 3 { sites.append(AllocationSite(key: "flush", allocationsPerOp: 1, bytesPerOp: 32, frames: ["Blocks.flush()"])) }
        var result = Fixture.benchmark("blocks", ["allocs": Fixture.allocs([allocs, allocs, allocs])])
        result.allocationSites = AllocationSites(iterations: 100, allocationsPerOp: allocs, bytesPerOp: 96 + 32 * allocs, sites: sites)
        return Fixture.file([result])
    }

    /// Found at position 5 after 6 builds (the ends, then 4, 6, 5), with its change.
    package static func found(subject: String = "Add a flush") throws -> BisectResult {
        var result = BisectResult(good: "v1.0", bad: "main", line: line(subject: subject), outcome: .found, builds: 5)
        result.target = target
        result.alsoRegressed = ["bytes 160 B/op -> 192 B/op (+20.0%)"]
        result.steps = [(0, BisectVerdict.good, 2.0), (8, .bad, 3), (4, .good, 2), (6, .bad, 3), (5, .bad, 3)].map {
            BisectResult.Step(position: $0.0, verdict: $0.1, value: $0.2)
        }
        result.lastGood = 4
        result.firstBad = 5
        let (before, after) = (run(allocs: 2), run(allocs: 3))
        let report = try Comparison.compare(baseline: before, current: after, baselineName: "4444444444 (parent)",
                                            currentName: "5555555555", options: ComparisonOptions())
        result.change = BisectResult.Change(report: report, before: before, after: after)
        return result
    }

    /// Unsure: commit 5 did not build and 4 is good, 6 bad.
    package static func unsure() -> BisectResult {
        var result = BisectResult(good: "v1.0", bad: "main", line: line(), outcome: .unsure, builds: 5)
        result.target = target
        result.steps = [(0, BisectVerdict.good, 2.0), (8, .bad, 3), (4, .good, 2), (6, .bad, 3)].map {
            BisectResult.Step(position: $0.0, verdict: $0.1, value: $0.2)
        } + [BisectResult.Step(position: 5, verdict: .untestable("not built: error: boom"))]
        result.lastGood = 4
        result.firstBad = 6
        result.reason = "commits in the range could not be tested: 5555555555 (not built: error: boom)"
        return result
    }

    /// Not reproduced: nothing regressed at the ends.
    package static func notReproduced() -> BisectResult {
        var result = BisectResult(good: "v1.0", bad: "main", line: line(), outcome: .notReproduced, builds: 2)
        result.reason = "no metric of the selected benchmarks regressed past its threshold from GOOD to BAD"
        return result
    }
}
