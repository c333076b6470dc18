import BenchResults

extension ResultsMerge {
    /// Shard files that do not make one whole run: one missing or given twice, shards of
    /// different splits, or not the number expected. The message names the shards and files.
    package struct IncompleteShards: Error, Equatable, CustomStringConvertible {
        /// What is wrong, naming the shards and files.
        package var message: String
        package var description: String { message }
    }

    /// Checks that `files` are every shard of one split run, each once: from the shard each
    /// file records (`ResultsFile.shard`, written by `memgate run --shard I/N`), and against
    /// `expected` (`--shards N`) when given. Files that record no shard can only be counted:
    /// with `expected`, there must be that many. Without shards recorded or expected, any
    /// files pass (a suite split by hand, several executables).
    ///
    /// - Throws: `IncompleteShards` naming the missing, repeated or mismatched shards.
    package static func checkShards(_ files: [(label: String, file: ResultsFile)], expected: Int?) throws(IncompleteShards) {
        let tagged = files.compactMap { entry in entry.file.shard.map { (entry.label, $0) } }
        guard let (firstLabel, first) = tagged.first else {
            if let expected, files.count != expected {
                throw IncompleteShards(message: "--shards \(expected), but \(files.count) file\(files.count == 1 ? "" : "s") given "
                    + "(none records its shard): every shard's results must be merged")
            }
            return
        }
        if let untagged = files.first(where: { $0.file.shard == nil }) {
            throw IncompleteShards(message: "\(firstLabel) is shard \(first) but \(untagged.label) records no shard: "
                + "merge the shard files of one split run only")
        }
        if let other = tagged.first(where: { $0.1.count != first.count }) {
            throw IncompleteShards(message: "\(firstLabel) is shard \(first) but \(other.0) is shard \(other.1): "
                + "shards of different splits")
        }
        if let expected, expected != first.count {
            throw IncompleteShards(message: "--shards \(expected), but \(firstLabel) is shard \(first) of \(first.count)")
        }
        var owners: [Int: String] = [:]
        for (label, position) in tagged {
            if let earlier = owners[position.index] {
                throw IncompleteShards(message: "shard \(position) is given twice: \(earlier) and \(label)")
            }
            owners[position.index] = label
        }
        let missing = (1...first.count).filter { owners[$0] == nil }.map { "\($0)/\(first.count)" }
        guard missing.isEmpty else {
            throw IncompleteShards(message: "missing shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) "
                + "of \(first.count): a merge of an incomplete matrix would pass what the missing shards never ran; "
                + "merge every shard's results (a failed job's too)")
        }
    }
}
