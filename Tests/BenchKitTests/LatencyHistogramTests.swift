@testable import BenchKit
import Testing

@Suite struct LatencyHistogramTests {
    @Test func valuesBelow128AreExact() {
        for value in UInt64(0)..<128 {
            let bucket = LatencyHistogram.bucket(of: value)
            #expect(LatencyHistogram.range(of: bucket) == (lower: value, width: 1))
        }
    }

    @Test(arguments: [UInt64(128), 129, 255, 256, 1_000, 4_095, 65_537, 1_000_000_007, UInt64.max / 3, UInt64.max])
    func everyValueFallsInsideItsBucket(value: UInt64) {
        let bucket = LatencyHistogram.bucket(of: value)
        #expect(bucket < LatencyHistogram.bucketCount)
        let (lower, width) = LatencyHistogram.range(of: bucket)
        #expect(lower <= value)
        #expect(value - lower < width)
        // 64 sub-buckets per power of two: width / lower <= 1/64, so the midpoint is within 0.8%.
        #expect(Double(width) / Double(lower) <= 1.0 / 64)
    }

    @Test func bucketsAreContiguous() {
        var expectedLower: UInt64 = 0
        for bucket in 0..<(LatencyHistogram.bucketCount - 1) {
            let (lower, width) = LatencyHistogram.range(of: bucket)
            #expect(lower == expectedLower, "bucket \(bucket)")
            expectedLower = lower + width
        }
    }

    @Test func quantilesFollowNearestRank() {
        let histogram = LatencyHistogram()
        for value in UInt64(1)...100 { histogram.record(value) }
        // Nearest rank: p50 of 1...100 is the 50th value, p99 the 99th, p99.9 rounds up to the 100th.
        #expect(histogram.quantile(0.5) == 50)
        #expect(histogram.quantile(0.9) == 90)
        #expect(histogram.quantile(0.99) == 99)
        #expect(histogram.quantile(0.999) == 100)
        #expect(histogram.quantile(1) == 100)
        #expect(histogram.quantile(0) == 1)
        histogram.reset()
        #expect(histogram.quantile(0.5) == nil)
    }

    @Test func largeValuesReportTheirBucketMiddle() {
        let histogram = LatencyHistogram()
        histogram.record(10_000)
        let (lower, width) = LatencyHistogram.range(of: LatencyHistogram.bucket(of: 10_000))
        #expect(histogram.quantile(0.5) == Double(lower) + Double(width - 1) / 2)
        #expect(abs(histogram.quantile(0.5)! - 10_000) / 10_000 < 0.008)
    }
}
