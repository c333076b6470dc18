import BenchKit

/// String building.
enum Text {
    static func register(_ suite: Suite) {
        suite.benchmark("string/interpolate-join/n=100") { b in
            let n = identity(100)
            for _ in b.loop {
                var parts: [String] = []
                parts.reserveCapacity(n)
                for i in 0..<n { parts.append("item-\(i)") }
                blackHole(parts.joined(separator: ","))
            }
        }
        suite.benchmark("string/append/n=100") { b in
            let n = identity(100)
            for _ in b.loop {
                var text = ""
                for i in 0..<n { text += String(i) }
                blackHole(text)
            }
        }
    }
}
