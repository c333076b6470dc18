import Testing
@testable import BenchStatistics
import DescriptiveStatistics

/// Python reference, splitmix.py (the same algorithm, written from the published pseudocode):
///
///     import math
///     MASK = (1 << 64) - 1
///     class SplitMix64:
///         def __init__(self, seed): self.s = seed & MASK
///         def next(self):
///             self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
///             z = self.s
///             z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
///             z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
///             return z ^ (z >> 31)
///         def uniform(self): return (self.next() >> 11) * 2.0 ** -53
///         def gaussian(self):
///             u1 = ((self.next() >> 11) + 1) * 2.0 ** -53
///             u2 = self.uniform()
///             return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)
struct SeededRandomTests {
    func check(seed: UInt64, _ expected: [UInt64], sourceLocation: SourceLocation = #_sourceLocation) {
        var random = SeededRandom(seed: seed)
        #expect(expected.map { _ in random.next() } == expected, sourceLocation: sourceLocation)
    }

    @Test func firstOutputsMatchTheReference() {
        // Published on Rosetta Code, "Pseudo-random numbers/Splitmix64" (seed 1234567), and
        // python3 -c "from splitmix import SplitMix64 as S; r = S(1234567); print([r.next() for _ in range(5)])"
        check(seed: 1_234_567, [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
        // python3 -c "from splitmix import SplitMix64 as S; r = S(0); print([r.next() for _ in range(3)])"
        check(seed: 0, [16_294_208_416_658_607_535, 7_960_286_522_194_355_700, 487_617_019_471_545_679])
        // python3 -c "from splitmix import SplitMix64 as S; r = S(2**64-1); print([r.next() for _ in range(2)])"
        check(seed: .max, [16_490_336_266_968_443_936, 16_834_447_057_089_888_969])  // state wraps
    }

    @Test func uniformAndGaussianMatchTheReference() {
        // python3 -c "from splitmix import SplitMix64 as S; r = S(42); print([repr(r.uniform()) for _ in range(3)])"
        var random = SeededRandom(seed: 42)
        #expect((0..<3).map { _ in random.nextUniform() } == [0.7415648787718233, 0.1599103928769201, 0.27860113025513866])
        // python3 -c "from splitmix import SplitMix64 as S; r = S(42); print([repr(r.gaussian()) for _ in range(4)])"
        random = SeededRandom(seed: 42)
        let expected = [0.4147197504315305, -0.8918862136277562, 1.7295930879374015, 0.5456204361828646]
        for value in expected { expectClose(random.nextGaussian(), value, relative: 1e-14) }
    }

    @Test func gaussianMomentsInTheLongRun() {
        // 100,000 draws: the mean's standard error is 0.0032, the variance's about 0.0045.
        var random = SeededRandom(seed: 7)
        let draws = (0..<100_000).map { _ in random.nextGaussian() }
        let mean = Descriptive.mean(draws)!, sd = Descriptive.standardDeviation(draws)!
        #expect(abs(mean) < 0.015, "mean \(mean)")
        #expect(abs(sd - 1) < 0.015, "sd \(sd)")
        // About 5% beyond +-1.96 (standard error 0.07 percentage points).
        let tails = Double(draws.filter { abs($0) > 1.959963984540054 }.count) / 1e5
        #expect(abs(tails - 0.05) < 0.003, "tails \(tails)")
        #expect(draws.allSatisfy { $0.isFinite })
    }

    @Test func uniformStaysInTheHalfOpenUnitInterval() {
        var random = SeededRandom(seed: 9)
        let draws = (0..<10_000).map { _ in random.nextUniform() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        expectClose(Descriptive.mean(draws)!, 0.5, absolute: 0.01)  // standard error 0.0029
    }

    @Test func sameSeedSameSequenceAndWorksWithTheStandardLibrary() {
        var a = SeededRandom(seed: 123), b = SeededRandom(seed: 123)
        #expect((0..<5).map { _ in Int.random(in: 0..<1000, using: &a) } == (0..<5).map { _ in Int.random(in: 0..<1000, using: &b) })
        var c = SeededRandom(seed: 124)
        #expect(a.next() != c.next())
    }
}
