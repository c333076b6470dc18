extension ResultsFile {
    /// Which of a split run's shards a results file holds: shard `index` of `count`
    /// (`"shard": {"index": 2, "count": 3}`, written by `memgate run --shard 2/3`).
    package struct ShardPosition: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The most shards a run can be split into.
        package static let maxCount = 1000

        /// The shard, 1-based (1...count).
        package var index: Int
        /// How many shards the run was split into.
        package var count: Int

        /// Creates a position; `validate` checks the bounds.
        package init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        package var description: String { "\(index)/\(count)" }

        /// Throws unless 1 <= index <= count <= `maxCount`.
        func validate() throws(ResultsError) {
            guard (1...Self.maxCount).contains(count), (1...count).contains(index) else {
                throw .invalid(place: "shard", problem: "\(index)/\(count) is not a shard I/N with 1 <= I <= N <= \(Self.maxCount)")
            }
        }
    }
}
