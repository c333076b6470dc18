import Testing
import DescriptiveStatistics

struct DescriptiveTests {
    static let values: [Double] = [3, 1, 4, 1, 5, 9, 2, 6]

    @Test func summariesMatchNumpy() {
        // python3 -c "import numpy as np; v=[3,1,4,1,5,9,2,6]; print(repr(np.mean(v)), repr(np.std(v, ddof=1)), repr(np.median(v)))"
        #expect(Descriptive.mean(Self.values) == 3.875)
        expectClose(Descriptive.standardDeviation(Self.values)!, 2.748376143938713)
        #expect(Descriptive.median(Self.values) == 3.5)
        // python3 -c "import numpy as np; print(repr(np.median([7])), repr(np.median([2,1,3])))"
        #expect(Descriptive.median([7]) == 7)
        #expect(Descriptive.median([2, 1, 3]) == 2)
    }

    @Test func quantilesAreType7() {
        func check(_ values: [Double], _ p: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            expectClose(Descriptive.quantile(values, p)!, expected, relative: 1e-15, sourceLocation: sourceLocation)
        }
        // python3 -c "import numpy as np; v=[3,1,4,1,5,9,2,6]; print([repr(np.percentile(v, q)) for q in [0, 10, 25, 90, 100]])"
        check(Self.values, 0, 1)
        check(Self.values, 0.1, 1)
        check(Self.values, 0.25, 1.75)
        check(Self.values, 0.9, 6.8999999999999995)
        check(Self.values, 1, 9)
        // python3 -c "import numpy as np; print(repr(np.percentile([10,20], 33)))"
        check([10, 20], 0.33, 13.3)
    }

    @Test func emptyAndSingleSamples() {
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.median([]) == nil)
        #expect(Descriptive.quantile(sorted: [], 0.5) == nil)
        #expect(Descriptive.standardDeviation([1]) == nil)
        #expect(Descriptive.standardDeviation([4, 4]) == 0)
    }

    /// numpy: `np.percentile(range(1, 22), [5, 50, 95])` is [2, 11, 20], so the spread is
    /// (20 - 2) / 2 / 11; for [-3, -2, -1] it is [-2.9, -2, -1.1]: 1.8 / 2 / 2.
    @Test func relativeSpreadIsHalfTheMiddle90PercentOverTheMedian() {
        #expect(abs(Descriptive.relativeSpread((1...21).map(Double.init))! - 9.0 / 11.0) < 1e-12)
        #expect(abs(Descriptive.relativeSpread([-1, -3, -2])! - 0.45) < 1e-12)
        #expect(Descriptive.relativeSpread([5, 5, 5]) == 0)
        #expect(Descriptive.relativeSpread([-1, 0, 1]) == nil)
        #expect(Descriptive.relativeSpread([]) == nil)
    }
}
