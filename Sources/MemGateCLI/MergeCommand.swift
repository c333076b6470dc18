import BenchResults
import CLISupport
import GateCore
import GateRunner

/// `memgate merge FILE... [--output PATH]`: combine shards into one results file.
struct MergeCommand: Subcommand {
    static let name = "merge"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate merge", summary: "Combine results files holding different benchmarks (shards) into one.",
            usage: "memgate merge [--shards N] [--output PATH] FILE...",
            discussion: """
            Writes one memgate JSON results file holding every benchmark of the given files, in \
            order (the first file's, then the second's, ...), under the first file's environment. \
            Use it when a suite is split across CI jobs (--filter/--skip per job), then check or \
            update the merged file as usual. A benchmark name found in two files is an error \
            (exit 2): which result is right cannot be decided. Shard files of `memgate run --shard I/N` \
            record their shard: merging them fails (exit 2, naming the shards) unless every shard of \
            1..N is there exactly once, so a check of an incomplete matrix can never pass; --shards N \
            checks the count too (and is the only check for files that record no shard). A file \
            without benchmarks is an error (exit 2). Files measured on another machine \
            class than the first get a note on standard error naming the fields that differ. \
            Without --output the result goes to standard output; with it, the file is written \
            atomically.

            Example: memgate merge --shards 2 shard-1.json shard-2.json --output results.json
            """)
        spec.option("--output", value: "PATH", help: "Write to PATH (atomically) instead of standard output.")
        spec.option("--shards", value: "N", help: "Expect the results of exactly N shards (1...1000): a missing or repeated "
            + "one is an error.", defaultDescription: "the count the shard files record, if any")
        spec.positional("FILE", help: "Results files (memgate JSON or go test -bench output).", variadic: true)
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        if let output = arguments.value("--output") {
            try InputOverwrite.refuse(outputs: [("--output", output)], inputs: arguments.positionals.map { ("FILE", $0) })
        }
        let expected = try arguments.int("--shards", in: 1...ResultsFile.ShardPosition.maxCount)
        var files: [(label: String, file: ResultsFile)] = []
        for path in arguments.positionals {
            let file = try GateArguments.readResults(path)
            try GateArguments.requireBenchmarks(file, path: path)
            files.append((path, file))
        }
        do { try ResultsMerge.checkShards(files, expected: expected) } catch { throw CommandError(error) }
        let merge: ResultsMerge
        do { merge = try ResultsMerge(files: files) } catch { throw CommandError("\(error)") }
        for (label, fields) in merge.otherEnvironments {
            context.errors += "memgate merge: note: \(label) was measured in another environment than \(files[0].label) "
                + "(\(fields.joined(separator: ", "))); the merged file claims \(files[0].label)'s, so its machine-dependent metrics are "
                + "only comparable with care\n"
        }
        let bytes: [UInt8]
        do { bytes = try merge.merged.jsonBytes() } catch { throw CommandError(error) }
        let output = arguments.value("--output")
        try context.writeOrPrint(bytes, to: output)
        if let output {
            let count = merge.merged.benchmarks.count
            context.errors += "memgate merge: \(count) benchmark\(count == 1 ? "" : "s") from \(files.count) "
                + "file\(files.count == 1 ? "" : "s") written to \(output)\n"
        }
        return .pass
    }
}
