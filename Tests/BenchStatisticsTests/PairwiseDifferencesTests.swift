import Testing
@testable import BenchStatistics

struct PairwiseDifferencesTests {
    /// Every difference, sorted: the obvious O(n m log(n m)) reference.
    static func allDifferences(_ x: [Double], _ y: [Double]) -> [Double] {
        x.flatMap { xi in y.map { $0 - xi } }.sorted()
    }

    @Test func smallCaseByHand() {
        // y - x for x = [1, 2], y = [3, 7]: 1, 2, 5, 6.
        let d = PairwiseDifferences(sortedX: [1, 2], sortedY: [3, 7])
        #expect((1...4).map(d.kthSmallest) == [1, 2, 5, 6])
    }

    @Test func matchesFullSortOnRandomSamples() {
        var random = SeededRandom(seed: 99)
        // Sizes below and above the point where selection stops narrowing and sorts.
        for (n, m) in [(1, 1), (1, 30), (30, 1), (7, 9), (10, 10), (40, 25), (120, 90), (300, 7)] {
            for levels in [0, 5] {  // 0: continuous values; 5: heavy ties
                let draw = { (random: inout SeededRandom) -> Double in
                    levels == 0 ? random.nextGaussian() : Double(Int.random(in: 0..<levels, using: &random))
                }
                let x = (0..<n).map { _ in draw(&random) }.sorted()
                let y = (0..<m).map { _ in draw(&random) + 0.3 }.sorted()
                let reference = Self.allDifferences(x, y)
                let d = PairwiseDifferences(sortedX: x, sortedY: y)
                let ranks = Set([1, 2, n * m / 3, n * m / 2, n * m - 1, n * m].filter { (1...n * m).contains($0) })
                for k in ranks.sorted() {
                    #expect(d.kthSmallest(k) == reference[k - 1], "n=\(n) m=\(m) levels=\(levels) k=\(k)")
                }
            }
        }
    }

    @Test func everyRankOfAMediumCase() {
        var random = SeededRandom(seed: 3)
        let x = (0..<23).map { _ in random.nextUniform() }.sorted()
        let y = (0..<17).map { _ in random.nextUniform() * 2 }.sorted()
        let d = PairwiseDifferences(sortedX: x, sortedY: y)
        #expect((1...d.count).map(d.kthSmallest) == Self.allDifferences(x, y))
    }
}
