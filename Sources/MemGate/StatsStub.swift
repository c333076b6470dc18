// TEMPORARY stand-in for the `stats` branch's BenchStatistics API, so the gate can be built
// and tested before that branch lands. Deleted on `git merge stats`.
import BenchStatistics
import Foundation

enum NormalDistribution {
    static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    static func quantile(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 { let mid = (lo + hi) / 2; if cdf(mid) < p { lo = mid } else { hi = mid } }
        return (lo + hi) / 2
    }
}

struct MannWhitneyU {
    enum Method { case exact, normal }
    var u: Double
    var pValue: Double
    var method: Method

    static func test(_ a: [Double], _ b: [Double]) -> MannWhitneyU? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let n1 = Double(a.count), n2 = Double(b.count)
        var all = a.map { ($0, 0) } + b.map { ($0, 1) }
        all.sort { $0.0 < $1.0 }
        var ranks = [Double](repeating: 0, count: all.count)
        var tie = 0.0
        var i = 0
        while i < all.count {
            var j = i
            while j + 1 < all.count && all[j + 1].0 == all[i].0 { j += 1 }
            let r = Double(i + j + 2) / 2
            for k in i...j { ranks[k] = r }
            let t = Double(j - i + 1); tie += t * t * t - t
            i = j + 1
        }
        var r1 = 0.0
        for (k, e) in all.enumerated() where e.1 == 0 { r1 += ranks[k] }
        let u = r1 - n1 * (n1 + 1) / 2
        let n = n1 + n2
        let variance = n1 * n2 / 12 * ((n + 1) - tie / (n * (n - 1)))
        guard variance > 0 else { return MannWhitneyU(u: u, pValue: 1, method: .normal) }
        let z = (abs(u - n1 * n2 / 2) - 0.5) / variance.squareRoot()
        return MannWhitneyU(u: u, pValue: min(1, 2 * (1 - cdf(max(z, 0)))), method: .normal)
    }
    private static func cdf(_ x: Double) -> Double { NormalDistribution.cdf(x) }

    static func smallestPValue(n1: Int, n2: Int) -> Double {
        var c = 1.0
        for k in 0..<min(n1, n2) { c = c * Double(n1 + n2 - k) / Double(k + 1) }
        return min(1, 2 / c)
    }
}

enum HolmBonferroni {
    static func adjust(_ p: [Double]) -> [Double] {
        let order = p.indices.sorted { p[$0] < p[$1] }
        var out = [Double](repeating: 1, count: p.count)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            running = max(running, min(1, Double(p.count - rank) * p[index]))
            out[index] = running
        }
        return out
    }
}

struct RatioEstimate {
    var ratio: Double
    var lower: Double
    var upper: Double
    var plusMinus: Double { max(ratio - lower, upper - ratio) / ratio }

    static func estimate(baseline: [Double], current: [Double], confidence: Double) -> RatioEstimate? {
        guard let b = Descriptive.median(baseline), let c = Descriptive.median(current), b > 0 else { return nil }
        let sb = (Descriptive.standardDeviation(baseline) ?? 0) * 1.2533 / Double(baseline.count).squareRoot() / b
        let sc = (Descriptive.standardDeviation(current) ?? 0) * 1.2533 / Double(current.count).squareRoot() / c
        let z = NormalDistribution.quantile(0.5 + confidence / 2)
        let s = (sb * sb + sc * sc).squareRoot() * z
        let r = c / b
        return RatioEstimate(ratio: r, lower: r * exp(-s), upper: r * exp(s))
    }
}

enum SampleSizeEstimate {
    static func samplesPerSide(baseline: [Double], current: [Double], alpha: Double, power: Double) -> Int? {
        guard let b = Descriptive.median(baseline), let c = Descriptive.median(current), b != c,
              let sb = Descriptive.standardDeviation(baseline), let sc = Descriptive.standardDeviation(current)
        else { return nil }
        let sigma = ((sb * sb + sc * sc) / 2).squareRoot()
        let z = NormalDistribution.quantile(1 - alpha / 2) + NormalDistribution.quantile(power)
        let n = 2 * z * z * sigma * sigma / ((c - b) * (c - b)) * 1.15
        return max(minimumForSignificance(alpha: alpha), Int(n.rounded(.up)))
    }
    static func minimumForSignificance(alpha: Double) -> Int {
        var n = 2
        while MannWhitneyU.smallestPValue(n1: n, n2: n) >= alpha && n < 1000 { n += 1 }
        return n
    }
}

struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextGaussian() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
