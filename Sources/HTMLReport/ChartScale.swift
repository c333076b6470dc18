import Foundation

/// A map from data values to pixel positions along one axis, linear or logarithmic, over a
/// domain widened to round tick values.
///
///     let scale = ChartScale.fitting([3, 47], pixels: 0...200)
///     scale.ticks            // [0, 10, 20, 30, 40, 50]
///     scale.position(25)     // 100
///
/// Logarithmic when every value is positive and the largest is at least 100 times the
/// smallest (`fitting`): two decades or more, which a linear axis would squash. Ticks of a
/// linear scale are multiples of 1, 2 or 5 times a power of ten times `tickUnit`; of a log
/// scale, powers of ten.
package struct ChartScale: Sendable, Equatable {
    /// How values map to positions.
    package enum Kind: String, Sendable { case linear, log }

    /// Linear or logarithmic.
    package let kind: Kind
    /// The data values at the two ends of the axis (round tick values).
    package let domain: ClosedRange<Double>
    /// The pixel positions of `domain`'s lower and upper ends (the upper may be smaller, for
    /// a vertical axis drawn upwards).
    package let pixels: (start: Double, end: Double)
    /// The tick values, ascending, inside `domain`.
    package let ticks: [Double]

    /// The ratio of the largest to the smallest value from which `fitting` chooses a log scale.
    package static let logRatio = 100.0

    /// A scale covering `values` (at least one finite value; an empty list covers 0...1).
    ///
    /// - Parameters:
    ///   - tickUnit: linear ticks are nice multiples of this (the display unit's step, such
    ///     as 1,000 for a time shown in µs; 1 by default).
    ///   - tickCount: about how many ticks a linear scale aims for.
    ///   - minimumStep: linear ticks are at least this far apart (so labels printed to a few
    ///     significant digits stay distinct).
    package static func fitting(
        _ values: [Double], pixels: ClosedRange<Double>, reversed: Bool = false, tickUnit: Double = 1, tickCount: Int = 5,
        minimumStep: Double = 0
    ) -> ChartScale {
        let finite = values.filter(\.isFinite)
        let ends = reversed ? (pixels.upperBound, pixels.lowerBound) : (pixels.lowerBound, pixels.upperBound)
        if let low = finite.min(), let high = finite.max(), low > 0, high / low >= logRatio {
            return ChartScale(logCovering: low...high, pixels: ends)
        }
        return ChartScale(linearCovering: (finite.min() ?? 0)...(finite.max() ?? 1), pixels: ends, tickUnit: tickUnit,
                          tickCount: tickCount, minimumStep: minimumStep)
    }

    /// A linear scale over `range` widened to multiples of a nice step (at least `minimumStep`).
    package init(
        linearCovering range: ClosedRange<Double>, pixels: (Double, Double), tickUnit: Double = 1, tickCount: Int = 5,
        minimumStep: Double = 0
    ) {
        var low = max(range.lowerBound, -1e300), high = min(range.upperBound, 1e300)  // a finite span
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
        }
        let unit = tickUnit > 0 && tickUnit.isFinite ? tickUnit : 1
        var step = max(ChartScale.niceStep((high - low) / unit / Double(max(tickCount - 1, 1))) * unit, minimumStep)
        if !(step > 0) || !step.isFinite || (high - low) / step > 1000 { step = ChartScale.niceStep((high - low) / 4) }
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        kind = .linear
        self.pixels = (pixels.0, pixels.1)
        guard last - first <= 1000 else {  // a step lost to rounding at extreme magnitudes: the ends only
            (domain, ticks) = (low...high, [low, high])
            return
        }
        domain = (first * step)...(last * step)
        ticks = stride(from: first, through: last, by: 1).map { ChartScale.clean($0 * step) }
    }

    /// A log scale over `range` (positive) widened to powers of ten; every other power is a
    /// tick when there are more than eight decades.
    package init(logCovering range: ClosedRange<Double>, pixels: (Double, Double)) {
        let first = log10(range.lowerBound).rounded(.down), last = log10(range.upperBound).rounded(.up)
        let upper = last > first ? last : first + 1
        let every = upper - first > 8 ? 2.0 : 1.0
        kind = .log
        domain = pow(10, first)...pow(10, upper)
        self.pixels = (pixels.0, pixels.1)
        ticks = stride(from: first, through: upper, by: every).map { pow(10, $0) }
    }

    /// The pixel position of `value`; a non-positive value on a log scale sits at the
    /// lower end, and values outside the domain extrapolate.
    package func position(_ value: Double) -> Double {
        let fraction: Double
        switch kind {
        case .linear:
            fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .log:
            let low = log10(domain.lowerBound), high = log10(domain.upperBound)
            fraction = value > 0 ? (log10(value) - low) / (high - low) : 0
        }
        return pixels.start + fraction * (pixels.end - pixels.start)
    }

    /// The smallest of 1, 2, 5 and 10 times a power of ten that is at least `raw` (raw > 0).
    ///
    ///     ChartScale.niceStep(0.3)  // 0.5
    ///     ChartScale.niceStep(7)    // 10
    package static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, log10(raw).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    /// `value` with floating-point dust removed (`0.30000000000000004` -> `0.3`).
    static func clean(_ value: Double) -> Double {
        guard value != 0 else { return 0 }
        let digits = 12 - log10(abs(value)).rounded(.up)
        let factor = pow(10, digits)
        guard factor.isFinite, factor > 0 else { return value }
        return (value * factor).rounded() / factor
    }

    /// Equal kind, domain, pixel ends and ticks (written out: the `pixels` tuple is not `Equatable`).
    package static func == (a: ChartScale, b: ChartScale) -> Bool {
        a.kind == b.kind && a.domain == b.domain && a.pixels == b.pixels && a.ticks == b.ticks
    }
}
