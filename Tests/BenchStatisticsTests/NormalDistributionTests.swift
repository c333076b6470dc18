import Testing
@testable import BenchStatistics

struct NormalDistributionTests {
    @Test func cdfMatchesScipy() {
        func check(_ z: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            expectClose(NormalDistribution.cdf(z), expected, relative: 1e-12, sourceLocation: sourceLocation)
        }
        // python3 -c "from scipy.stats import norm; [print(z, repr(norm.cdf(z))) for z in [-40,-37,-10,-5,-1.96,-1,0,0.5,1,1.96,3,8.3]]"
        check(-40, 0)  // below the smallest subnormal
        check(-37, 5.7255712225239266e-300)  // the lower tail keeps its relative precision
        check(-10, 7.61985302416047e-24)
        check(-5, 2.866515718791933e-07)
        check(-1.96, 0.024997895148220435)
        check(-1, 0.15865525393145707)
        check(0, 0.5)
        check(0.5, 0.6914624612740131)
        check(1, 0.8413447460685429)
        check(1.96, 0.9750021048517795)
        check(3, 0.9986501019683699)
        check(8.3, 1)
        check(-.infinity, 0)
        check(.infinity, 1)
        #expect(NormalDistribution.cdf(.nan).isNaN)
    }

    @Test func survivalIsTheUpperTail() {
        func check(_ z: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            expectClose(NormalDistribution.survival(z), expected, relative: 1e-12, sourceLocation: sourceLocation)
        }
        // python3 -c "from scipy.stats import norm; [print(z, repr(norm.sf(z))) for z in [-1, 0, 1.96, 10, 37]]"
        check(-1, 0.8413447460685429)
        check(0, 0.5)
        check(1.96, 0.024997895148220435)
        check(10, 7.61985302416047e-24)
        check(37, 5.7255712225239266e-300)
    }

    @Test func quantileMatchesScipy() {
        func check(_ p: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            // AS 241 is good to about 1e-16: allow a few ulps of disagreement with scipy.
            expectClose(NormalDistribution.quantile(p), expected, relative: 1e-15, sourceLocation: sourceLocation)
        }
        // python3 -c "from scipy.stats import norm; [print(p, repr(norm.ppf(p))) for p in
        //   [1e-300,1e-20,1e-12,1e-10,1e-5,0.001,0.025,0.1,0.3,0.5,0.575,0.8,0.975,0.999,1-1e-12]]"
        check(1e-300, -37.0470962993612)  // AS 241 far-tail region (r > 5)
        check(1e-20, -9.262340089798409)
        check(1e-12, -7.034483825301131)
        check(1e-10, -6.361340902404056)  // intermediate region (r <= 5)
        check(1e-5, -4.264890793922825)
        check(0.001, -3.090232306167813)
        check(0.025, -1.9599639845400545)
        check(0.1, -1.2815515655446004)
        check(0.3, -0.5244005127080409)  // central region (|p - 0.5| <= 0.425)
        check(0.5, 0)
        check(0.575, 0.18911842627279238)
        check(0.8, 0.8416212335729143)
        check(0.975, 1.959963984540054)
        check(0.999, 3.090232306167813)
        check(1 - 1e-12, 7.0344869100478356)  // upper tail: r from 1 - p
        check(0, -.infinity)
        check(1, .infinity)
    }

    @Test func quantileOutsideUnitIntervalIsNaN() {
        #expect(NormalDistribution.quantile(-0.1).isNaN)
        #expect(NormalDistribution.quantile(1.1).isNaN)
        #expect(NormalDistribution.quantile(.nan).isNaN)
    }

    @Test func quantileInvertsCdfAcrossRegions() {
        // Round trip through all three AS 241 regions, and at both region boundaries:
        // |p - 0.5| = 0.425, and r = 5, i.e. p = exp(-25) = 1.3887943864964021e-11.
        // Above z = 3 the cdf rounds to 1 too coarsely to invert; the lower tail is precise.
        for z in stride(from: -8.0, through: 3.0, by: 0.0625) {
            expectClose(NormalDistribution.quantile(NormalDistribution.cdf(z)), z, relative: 1e-9, absolute: 1e-12)
        }
        for p in [0.075, 0.925, 1.3887943864964021e-11] {
            expectClose(NormalDistribution.cdf(NormalDistribution.quantile(p)), p, relative: 1e-12)
        }
    }
}
