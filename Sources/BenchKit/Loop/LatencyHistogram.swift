/// A fixed-memory histogram of nanosecond durations with under 0.8% relative error.
///
/// Values below 128 ns get a bucket each; above that, every power of two is split into
/// 64 linear sub-buckets (a log-linear layout, as in HdrHistogram with 7 significant
/// bits). 3,776 counters cover 0 ns to 2^63 ns in 15 KiB, allocated once, so recording
/// never allocates and costs a few instructions.
final class LatencyHistogram {
    static let bucketCount = 128 + 57 * 64
    private let counts: UnsafeMutablePointer<UInt32>
    /// Number of recorded values.
    private(set) var total: UInt64 = 0

    init() {
        counts = .allocate(capacity: Self.bucketCount)
        counts.initialize(repeating: 0, count: Self.bucketCount)
    }

    deinit { counts.deallocate() }

    /// Forgets every recorded value.
    func reset() {
        counts.update(repeating: 0, count: Self.bucketCount)
        total = 0
    }

    /// Records one duration.
    @inline(__always)
    func record(_ nanoseconds: UInt64) {
        counts[Self.bucket(of: nanoseconds)] &+= 1
        total &+= 1
    }

    /// The bucket holding `value`.
    static func bucket(of value: UInt64) -> Int {
        if value < 128 { return Int(value) }
        let shift = (64 - value.leadingZeroBitCount) - 7   // >= 1
        return 128 + (shift - 1) * 64 + Int(value >> UInt64(shift)) - 64
    }

    /// The smallest value that falls in `bucket`, and the bucket's width.
    static func range(of bucket: Int) -> (lower: UInt64, width: UInt64) {
        if bucket < 128 { return (UInt64(bucket), 1) }
        let shift = (bucket - 128) / 64 + 1
        let mantissa = UInt64((bucket - 128) % 64 + 64)
        return (mantissa << UInt64(shift), 1 << UInt64(shift))
    }

    /// The value at quantile `p` (0...1), by the nearest-rank rule, reported as the
    /// middle of its bucket (exact below 128 ns). `p == 1` gives the largest bucket
    /// used. Returns nil when empty.
    func quantile(_ p: Double) -> Double? {
        guard total > 0 else { return nil }
        // Nearest rank: the smallest value with at least ceil(p * n) values at or below it.
        let rank = max(1, UInt64((p * Double(total)).rounded(.up)))
        var seen: UInt64 = 0
        for bucket in 0..<Self.bucketCount {
            seen += UInt64(counts[bucket])
            if seen >= rank {
                let (lower, width) = Self.range(of: bucket)
                return Double(lower) + Double(width - 1) / 2
            }
        }
        return nil
    }
}
