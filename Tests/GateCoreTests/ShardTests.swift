import BenchResults
import Foundation
import Testing
@testable import GateCore

/// `Shard`: a stable split of a suite into parallel jobs, balanced by the baseline's time.
@Suite struct ShardTests {
    @Test(arguments: ["1/1", "2/3", "3/3", "1000/1000"])
    func validShardsParse(text: String) throws {
        let shard = try #require(Shard(parsing: text))
        #expect(shard.description == text)
    }

    @Test(arguments: ["", "1", "0/3", "4/3", "1/0", "-1/3", "1/3/5", "a/b", "1/1001", " 1/3"])
    func invalidShardsDoNotParse(text: String) {
        #expect(Shard(parsing: text) == nil)
    }

    /// Every name lands in exactly one shard, whatever the order the names come in; each
    /// job keeps the order it was given.
    @Test func shardsPartitionTheNamesWhateverTheirOrder() {
        var random = SystemRandomNumberGenerator()
        let names = (0..<50).map { "bench/\($0)" }
        // Every seventh name has no cost in the baseline: it counts as the median.
        let costed = names.enumerated().filter { $0.offset % 7 != 0 }
        let costs = Dictionary(uniqueKeysWithValues: costed.map { ($0.element, Double($0.offset % 5 + 1)) })
        for count in [1, 2, 3, 7] {
            let shards = (1...count).map { Shard(parsing: "\($0)/\(count)")! }
            let picked = shards.map { $0.select(names, costs: costs) }
            #expect(picked.flatMap { $0 }.sorted() == names.sorted(), "\(count) shards")
            let shuffled = names.shuffled(using: &random)
            #expect(shards.map { Set($0.select(shuffled, costs: costs)) } == picked.map(Set.init), "order changed the split")
            #expect(picked.allSatisfy { $0 == names.filter(Set($0).contains) })
        }
    }

    /// Longest first to the least loaded: the loads differ by at most the largest cost.
    @Test func shardsAreBalancedByCost() {
        let costs: [String: Double] = ["a": 10, "b": 9, "c": 5, "d": 5, "e": 4, "f": 1, "g": 1]
        let names = costs.keys.sorted()
        let loads = (1...3).map { index in Shard(parsing: "\(index)/3")!.select(names, costs: costs).reduce(0) { $0 + costs[$1]! } }
        #expect(loads.reduce(0, +) == 35)
        #expect(loads.max()! - loads.min()! <= 10, "\(loads)")
        // a 10 -> 1; b 9 -> 2; c 5 -> 3; d 5 -> 3 (10, 9, 10); e 4 -> 2 (13); f 1 -> 1 (tie with 3: the lower);
        // g 1 -> 3: loads 11, 13, 11.
        #expect(loads == [11, 13, 11])
        #expect(Shard(parsing: "1/3")!.select(names, costs: costs) == ["a", "f"])
    }

    @Test func costsAreTheBaselinesMeasuredTime() {
        let file = ResultsFile(benchmarks: [
            BenchmarkResult(name: "x", iterations: [10, 20], metrics: ["time": Metric(unit: .nanosecondsPerOp, samples: [3, 4])]),
            BenchmarkResult(name: "no-time", iterations: [1],
                            metrics: ["allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [1])]),
        ])
        #expect(Shard.costs(from: file) == ["x": 110])
        #expect(Shard.costs(from: nil).isEmpty)
    }

    /// Splitting a recorded run of the examples three ways and merging the shards gives the
    /// same verdict, row for row, as checking the run whole.
    @Test func mergedShardsGateLikeTheWholeRun() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let baseline = try ResultsFile.read(contentsOf: root.appendingPathComponent("baselines/baseline.json").path)
        let recorded = root.appendingPathComponent("Tests/Fixtures/recorded/children10-amd-epyc-2026-12-01.json")
        let run = try ResultsFile.read(contentsOf: recorded.path)
        let costs = Shard.costs(from: baseline)
        let names = run.benchmarks.map(\.name)
        let shards = (1...3).map { index in
            let chosen = Set(Shard(parsing: "\(index)/3")!.select(names, costs: costs))
            var file = run
            file.benchmarks = run.benchmarks.filter { chosen.contains($0.name) }
            return (label: "shard\(index)", file: file)
        }
        #expect(shards.allSatisfy { !$0.file.benchmarks.isEmpty })
        let merged = try ResultsMerge(files: shards).merged
        #expect(Set(merged.benchmarks.map(\.name)) == Set(names))
        let options = ComparisonOptions()
        let whole = try Comparison.compare(baseline: baseline, current: run, baselineName: "b", currentName: "c", options: options)
        let fromShards = try Comparison.compare(baseline: baseline, current: merged, baselineName: "b", currentName: "c", options: options)
        #expect(fromShards.exitCode(policy: .report) == whole.exitCode(policy: .report))
        #expect(whole.exitCode(policy: .report) == .regression)  // children=10: the task group's allocations
        #expect(fromShards.summaryLine == whole.summaryLine)
    }
}
