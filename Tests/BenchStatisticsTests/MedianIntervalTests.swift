import Testing
@testable import BenchStatistics

/// Known values of `MedianInterval`, worked out by hand from its definition.
@Suite struct MedianIntervalTests {
    @Test func hundredValuesUseTheFortiethAndSixtyFirst() throws {
        // n = 100: k = floor((100 - 19.6) / 2) - 1 = 39, so [x_40, x_61] = [40, 61] around 50.5.
        let width = try #require(MedianInterval.relativeHalfWidth((1...100).map(Double.init)))
        #expect(abs(width - 10.5 / 50.5) < 1e-12)
    }

    @Test func tenValuesUseTheFullRange() throws {
        // n = 10: k = floor((10 - 6.198) / 2) - 1 = 0: [1, 10] around 5.5.
        let width = try #require(MedianInterval.relativeHalfWidth((1...10).map(Double.init)))
        #expect(abs(width - 4.5 / 5.5) < 1e-12)
    }

    @Test func theLargerSideCountsAndOrderDoesNot() throws {
        let width = try #require(MedianInterval.relativeHalfWidth([10, 9, 30]))
        #expect(abs(width - 2) < 1e-12)  // median 10, up to 30
    }

    @Test func undefinedCases() {
        #expect(MedianInterval.relativeHalfWidth([]) == nil)
        #expect(MedianInterval.relativeHalfWidth([5]) == nil)
        #expect(MedianInterval.relativeHalfWidth([-1, 0, 1]) == nil)
    }
}
