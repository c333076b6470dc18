import BenchResults

/// Combines results files that hold different benchmarks (shards of one suite run in
/// parallel jobs, or several benchmark executables) into one. Pure: no I/O.
///
///     let merge = try ResultsMerge(files: [("shard1.json", a), ("shard2.json", b)])
///     // merge.merged: a's benchmarks, then b's, under a's environment
///
/// - Benchmarks keep their order: the first file's, then the second's, and so on.
/// - A benchmark name in two files is an error (`DuplicateName`): which of the two results
///   is right cannot be decided here, and a silent pick would hide one.
/// - The merged file takes the first file's environment. Files whose machine fingerprint
///   differs from it are listed in `otherEnvironments` with the fields that differ, since
///   their noisy metrics now sit under an environment that does not describe them.
package struct ResultsMerge: Sendable {
    /// A benchmark found in two of the files.
    package struct DuplicateName: Error, Equatable, CustomStringConvertible {
        /// The benchmark's name.
        package var name: String
        /// The labels of the first two files holding it.
        package var first: String, second: String

        package var description: String {
            "benchmark \"\(name)\" is in both \(first) and \(second); names must be unique across the merged files"
        }
    }

    /// The combined file.
    package var merged: ResultsFile
    /// Files (by label) whose fingerprint differs from the first file's, with the fields.
    package var otherEnvironments: [(label: String, fields: [String])] = []

    /// Merges `files` (label and contents), which must not be empty.
    ///
    /// - Throws: `DuplicateName` when two files hold a benchmark of the same name.
    package init(files: [(label: String, file: ResultsFile)]) throws(DuplicateName) {
        precondition(!files.isEmpty, "ResultsMerge needs at least one file")
        var owner: [String: String] = [:]
        var benchmarks: [BenchmarkResult] = []
        for (label, file) in files {
            for benchmark in file.benchmarks {
                if let first = owner[benchmark.name] {
                    throw DuplicateName(name: benchmark.name, first: first, second: label)
                }
                owner[benchmark.name] = label
                benchmarks.append(benchmark)
            }
        }
        let environment = files[0].file.environment
        merged = ResultsFile(environment: environment, benchmarks: benchmarks)
        for (label, file) in files.dropFirst() {
            let fields = environment.fingerprintMismatches(with: file.environment)
            if !fields.isEmpty { otherEnvironments.append((label, fields)) }
        }
    }
}
