import BenchKit

/// Structured concurrency: a task group of child tasks per op.
enum Concurrency {
    static func register(_ suite: Suite) {
        suite.benchmark("async/task-group/children=8") { b in
            let children = identity(8)
            for _ in b.loop {
                let total = await withTaskGroup(of: Int.self) { group in
                    for child in 0..<children {
                        group.addTask { (0..<1_000).reduce(child, &+) }
                    }
                    return await group.reduce(0, &+)
                }
                blackHole(total)
            }
        }
    }
}
