#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, deterministic random number generator (SplitMix64) for simulations and
/// tests: the same seed gives the same sequence on every platform and run.
///
///     var random = SeededRandom(seed: 42)
///     let noise = random.nextGaussian()          // N(0, 1)
///     let pick = Int.random(in: 0..<10, using: &random)
///
/// SplitMix64 is S. Vigna's reference `splitmix64.c` (public domain, 2015), after G. L.
/// Steele, D. Lea and C. H. Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014: a Weyl sequence (step 0x9E3779B97F4A7C15) passed through a 64-bit mixer.
/// Period 2^64; every 64-bit output appears exactly once per period. Statistically good
/// enough for simulations; not cryptographically secure, never use it for secrets.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The generator's whole state: the Weyl sequence position.
    package private(set) var state: UInt64

    /// Starts the sequence at `seed`. Any value is fine, including 0.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1)
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1): the top 53 bits of `next()` times 2^-53.
    package mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal value N(0, 1), by the Box-Muller transform.
    ///
    /// Uses two draws: u1 = (top 53 bits + 1) * 2^-53 in (0, 1] (so the logarithm is
    /// finite) and u2 = `nextUniform()`; returns sqrt(-2 ln u1) * cos(2 pi u2). The sine
    /// partner is discarded so the state stays one word and every call costs the same.
    /// Reference: G. E. P. Box and M. E. Muller, "A Note on the Generation of Random Normal
    /// Deviates", Annals of Mathematical Statistics 29(2), 610-611 (1958). Values are
    /// bounded by about 8.57 (u1 = 2^-53).
    package mutating func nextGaussian() -> Double {
        let u1 = Double((next() >> 11) + 1) * 0x1p-53
        let u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
