import BenchKit

/// Class-heavy code: a binary tree of reference-counted nodes.
enum ObjectGraph {
    final class Node {
        var left: Node?
        var right: Node?
        var value: Int
        init(value: Int) { self.value = value }
    }

    static func tree(depth: Int, value: Int = 1) -> Node {
        let node = Node(value: value)
        if depth > 0 {
            node.left = tree(depth: depth - 1, value: value * 2)
            node.right = tree(depth: depth - 1, value: value * 2 + 1)
        }
        return node
    }

    static func sum(_ node: Node?) -> Int {
        guard let node else { return 0 }
        return node.value &+ sum(node.left) &+ sum(node.right)
    }

    static func register(_ suite: Suite) {
        // 2^9 - 1 = 511 nodes: 511 allocations per op.
        suite.benchmark("objects/tree/depth=8") { b in
            let depth = identity(8)
            for _ in b.loop {
                let root = tree(depth: depth)
                blackHole(sum(root))
            }
        }
    }
}
