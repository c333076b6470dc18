import Testing

/// Expects `actual` within `relative` * |expected| of `expected` (or within `absolute` of
/// it, whichever is looser). Infinities, and zeros when `absolute` is 0, must match exactly.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if expected.isInfinite || (expected == 0 && absolute == 0) {
        #expect(actual == expected, sourceLocation: sourceLocation)
        return
    }
    let tolerance = max(relative * abs(expected), absolute)
    #expect(abs(actual - expected) <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
}

/// The integers in `range` as doubles: Python's `list(range(lower, upper + 1))`.
func doubles(_ range: ClosedRange<Int>) -> [Double] { range.map(Double.init) }
