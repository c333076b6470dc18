import BenchResults
import CLISupport
import Testing
@testable import GateCore
@testable import GateRunner
@testable import MemGateCLI

/// `--shard` as `run` and `refs` read it: the option's checks, and how refs narrows both
/// sides to one shard's benchmarks.
@Suite struct ShardPlanTests {
    private func refsPlan(_ arguments: [String]) throws -> RefsPlan {
        try RefsPlan(try RefsCommand.spec.parse(arguments))
    }

    private func side(_ side: RefsSide, _ names: [String]) -> BuiltSide {
        let checkout = SideCheckout(side: side, revision: nil, commit: nil, dirty: false, packagePath: ".", scratchPath: "/tmp/x")
        return BuiltSide(checkout: checkout, benchmarks: names.map { ($0, "/bin/\($0)") })
    }

    @Test func badShardsAreUsageErrors() throws {
        #expect(throws: UsageError.self) { try refsPlan(["main", "--shard", "4/3"]) }
        #expect(throws: UsageError.self) { try refsPlan(["main", "--shard", "two"]) }
        #expect(try refsPlan(["main"]).shard == nil)
        #expect(try refsPlan(["main"]).gate.ranEveryBenchmark)
        #expect(try !refsPlan(["main", "--shard", "1/2"]).gate.ranEveryBenchmark)
    }

    /// The shards of refs cover the names of either side once; a side keeps its own order.
    @Test func refsShardsCoverBothSidesOnce() throws {
        let base = side(.base, ["c", "a", "old"])
        let head = side(.head, ["a", "b", "c"])
        var seen: [String] = []
        for index in 1...2 {
            let (b, h) = try refsPlan(["main", "--shard", "\(index)/2"]).narrowedToShard(base, head)
            #expect(b.benchmarks.map(\.name) == base.benchmarks.map(\.name).filter { b.benchmarks.map(\.name).contains($0) })
            seen += Set(b.benchmarks.map(\.name) + h.benchmarks.map(\.name)).sorted()
        }
        #expect(seen.sorted() == ["a", "b", "c", "old"])
        #expect(throws: CommandError.self) { try refsPlan(["main", "--shard", "5/5"]).narrowedToShard(base, head) }
    }
}
