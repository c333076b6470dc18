import CLISupport
import GateCore

/// `--shard I/N`, as `memgate run` and `memgate refs` declare and read it.
enum ShardArgument {
    /// Declares `--shard` on `spec`; `how` says how the split is balanced and what to do
    /// with the shards.
    static func declare(on spec: inout CommandSpec, _ how: String) {
        spec.option("--shard", value: "I/N", help: "Run only shard I of N: a stable split by benchmark name, \(how).")
    }

    /// The shard given, nil without `--shard`.
    /// - Throws: `UsageError` for text that is not `I/N` with 1 <= I <= N <= 1000.
    static func parse(_ arguments: ParsedArguments) throws(UsageError) -> Shard? {
        guard let text = arguments.value("--shard") else { return nil }
        guard let shard = Shard(parsing: text) else {
            throw arguments.usageError("--shard: expected I/N with 1 <= I <= N <= 1000 (like 2/3), got '\(text)'")
        }
        return shard
    }

    /// The error for a shard that got no benchmark of `total`.
    static func emptyShard(_ shard: Shard, total: Int) -> CommandError {
        CommandError("shard \(shard) has no benchmark: \(total) benchmark\(total == 1 ? "" : "s") for \(shard.count) shards; "
            + "use at most \(max(1, total)) shards")
    }
}
