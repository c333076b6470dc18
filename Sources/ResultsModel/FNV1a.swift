/// The 64-bit FNV-1a hash (Fowler, Noll, Vo): a fast, stable, non-cryptographic hash, the same
/// on every platform and run. memgate uses it for identifiers that must stay put between runs
/// (allocation-site keys, the baseline hash of a history entry), never for security.
///
///     var hash = FNV1a()
///     hash.add("sort/n=1000".utf8)
///     hash.hexDigits   // 16 lower-case hex digits
///
/// Reference: http://www.isthe.com/chongo/tech/comp/fnv/ (offset basis 14695981039346656037,
/// prime 1099511628211).
package struct FNV1a: Sendable, Equatable {
    /// The hash of everything added so far.
    package private(set) var value: UInt64 = 14_695_981_039_346_656_037

    /// A hash of nothing (the offset basis).
    package init() {}

    /// Folds `bytes` into the hash, in order.
    package mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 1_099_511_628_211 }
    }

    /// `value` as exactly 16 lower-case hex digits, zero-padded.
    package var hexDigits: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The 16 hex digits of the hash of `bytes`.
    package static func hexDigits(of bytes: some Sequence<UInt8>) -> String {
        var hash = FNV1a()
        hash.add(bytes)
        return hash.hexDigits
    }
}
