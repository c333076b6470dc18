import BenchResults
import GateCore
import HTMLReport
import Testing

/// The HTML report's pure pieces: scales and their ticks against values worked out by hand,
/// the log-scale rule, escaping, and charts that are well-formed SVG with text alternatives.
@Suite struct HTMLChartTests {
    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        func check(_ raw: Double, _ expected: Double, line: Int = #line) {
            #expect(ChartScale.niceStep(raw) == expected, "niceStep(\(raw))", sourceLocation: SourceLocation(
                fileID: #fileID, filePath: #filePath, line: line, column: 1))
        }
        check(0.3, 0.5)
        check(7, 10)
        check(1, 1)
        check(0.012, 0.02)
        check(2.5, 5)
        check(20, 20)
        check(0, 1)  // no span: a step of 1
    }

    @Test func linearTicksCoverTheValuesOnRoundSteps() {
        // span 44 over 4 intervals is 11 -> step 20; 3 and 47 widen to 0 and 60.
        let scale = ChartScale.fitting([3, 47], pixels: 0...300)
        #expect(scale.kind == .linear)
        #expect(scale.ticks == [0, 20, 40, 60])
        #expect(scale.domain == 0...60)
        #expect(scale.position(30) == 150)
        // One repeated value: padded by 10% (6.3...7.7), step 0.35 -> 0.5.
        #expect(ChartScale.fitting([7, 7], pixels: 0...1).ticks == [6, 6.5, 7, 7.5, 8])
        // Ticks on whole display units: 1,200-2,600 ns in µs steps (1.4 µs / 4 -> 0.5 µs).
        #expect(ChartScale.fitting([1200, 2600], pixels: 0...1, tickUnit: 1000).ticks == [1000, 1500, 2000, 2500, 3000])
        // 479 and 480 allocs/op print with no decimals: ticks no closer than 1.
        #expect(ChartScale.fitting([479, 480], pixels: 0...1, minimumStep: 1).ticks == [479, 480])
        // Floating-point dust is removed: 0.1 steps print as 0.3, not 0.30000000000000004.
        #expect(ChartScale.fitting([0.1, 0.5], pixels: 0...1).ticks == [0.1, 0.2, 0.3, 0.4, 0.5])
    }

    @Test func logScaleFromTwoDecadesOfPositiveValues() {
        let log = ChartScale.fitting([1, 1000], pixels: 0...300)
        #expect(log.kind == .log)
        #expect(log.ticks == [1, 10, 100, 1000])
        #expect(abs(log.position(10) - 100) < 1e-9)
        #expect(ChartScale.fitting([5, 400], pixels: 0...1).kind == .linear)  // 80x: under two decades
        #expect(ChartScale.fitting([0, 1e6], pixels: 0...1).kind == .linear)  // zero cannot sit on a log axis
        #expect(ChartScale.fitting([-1, 1e6], pixels: 0...1).kind == .linear)
        // Eleven decades: every other power of ten is a tick.
        let wide = ChartScale.fitting([0.5, 2e9], pixels: 0...1)
        #expect(wide.ticks == [0.1, 10, 1e3, 1e5, 1e7, 1e9])
        #expect(wide.domain == 0.1...1e10)
    }

    @Test func extremeValuesStillGiveAFewTicks() {
        let huge = ChartScale.fitting([-1e308, 1e308], pixels: 0...1)
        #expect(huge.ticks.count <= 10 && huge.ticks.allSatisfy(\.isFinite))
        let close = ChartScale.fitting([1e15, 1e15 + 1], pixels: 0...1)
        #expect(close.ticks.count <= 10 && close.ticks.count >= 2)
        #expect(Markup.number(1e300) == "1000000000")
    }

    @Test func reversedScalesDrawUpwards() {
        let scale = ChartScale.fitting([0, 10], pixels: 0...100, reversed: true)
        #expect(scale.position(0) == 100)
        #expect(scale.position(10) == 0)
    }

    @Test func markupEscapesEveryMarkupCharacterAndIsolatesUserText() {
        #expect(Markup.text("<a href='x'>&\"") == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;")
        #expect(Markup.userText("<b>\u{202E}") == "<bdi>&lt;b&gt;\u{202E}</bdi>")
        #expect(Markup.text("a\u{1}b") == "a\\u{1}b")  // a control character XML forbids, made visible
        #expect(Markup.number(12.25) == "12.3")
        #expect(Markup.number(3) == "3")
        #expect(Markup.number(-0.04) == "0")
        #expect(Markup.number(-1.25) == "-1.3")
        #expect(Markup.number(.nan) == "0")
    }

    @Test func samplesChartIsWellFormedWithBothRowsAndATitle() {
        let chart = SamplesChart(metric: "<time>", unit: .nanosecondsPerOp, baseline: [1000, 1010, 1020], current: [1500, 1510])
        let parsed = ParsedMarkup(chart.svg())
        #expect(parsed.error == nil, "\(parsed.error ?? "")")
        #expect(parsed.elements("path", class: "sb").count == 1)
        #expect(parsed.elements("path", class: "sc").count == 1)
        let title = parsed.elements("title").first?.text ?? ""
        #expect(title.contains("<time> samples (linear scale)"))
        #expect(title.contains("median 1.01 µs/op"))
        #expect(title.contains("median 1.51 µs/op"))  // 1,505 ns to three digits
        // Tick labels carry the unit.
        #expect(parsed.elements("text", class: "tk").map(\.text) == ["1 µs/op", "1.20 µs/op", "1.40 µs/op", "1.60 µs/op"])
        let spread = SamplesChart(metric: "bytes", unit: .bytes, baseline: [100], current: [1_000_000]).svg()
        #expect(spread.contains("(log scale)"))
    }

    @Test func changeChartDrawsTheIntervalAgainstTheThresholdBand() throws {
        var row = MetricComparison(metric: "time", unit: .nanosecondsPerOp, better: .lower, exact: false, baseline: 5, current: 6,
                                   change: 0.2, plusMinus: 0.1, threshold: try Threshold(parsing: "10% +1"), verdict: .regression)
        let chart = try #require(ChangeChart(row))
        #expect(chart.threshold == 0.2)  // +1 on a baseline of 5 is 20%, more than 10%: a change must pass both
        #expect(abs(chart.interval!.lowerBound - 0.08) < 1e-12)
        #expect(abs(chart.interval!.upperBound - 0.32) < 1e-12)
        let parsed = ParsedMarkup(chart.svg())
        #expect(parsed.error == nil, "\(parsed.error ?? "")")
        #expect(parsed.elements("rect", class: "band").count == 1)
        #expect(parsed.elements("text", class: "bl").first?.text == "within ±20%")
        #expect(parsed.elements("path", class: "pt").first?.attributes["class"] == "pt regression")
        #expect(parsed.elements("title").first?.text == "Change +20%, interval +8.00% to +32.0%; threshold band ±20%; verdict REGRESSED.")
        row.threshold = .off
        #expect(ChangeChart(row)?.threshold == nil)
        row.baseline = 0
        #expect(ChangeChart(row) == nil)
    }

    @Test func trendChartOfTwoHundredCommitsMarksEveryBaselineUpdate() {
        let points = (0..<200).map { index in
            let value = 1000 + Double(index % 17) * 3 + (index >= 120 ? 400 : 0)
            return TrendSeries.Point(label: String(format: "c%05x", index * 7919), date: "2026-11-\(10 + index / 10)T00:00:00Z",
                                     value: value, low: value * 0.97, high: value * 1.03,
                                     baselineUpdate: index == 40 || index == 120 || index == 121)
        }
        let svg = TrendChart(series: TrendSeries(metric: "time", unit: .nanosecondsPerOp, points: points)).svg()
        let parsed = ParsedMarkup(svg)
        #expect(parsed.error == nil, "\(parsed.error ?? "")")
        #expect(parsed.elements("line", class: "bu").count == 3)  // every update has its marker
        #expect(parsed.elements("text", class: "bt").count == 2)  // 120 and 121 are too close for two labels
        #expect(parsed.elements("polyline", class: "tl").first?.attributes["points"]?.split(separator: " ").count == 200)
        #expect(parsed.elements("path", class: "td").isEmpty)  // 200 points: no dots
        let labels = parsed.elements("text", class: "tk").map(\.text)
        #expect(labels.contains(points[0].label) && labels.contains(points[199].label))
        #expect(labels.filter { $0.hasPrefix("c") }.count <= TrendChartLimits.commitLabels + 1)
        #expect(labels.contains("2026-11-10"))  // dates shortened to the day
        let title = parsed.elements("title").first?.text ?? ""
        #expect(title.hasPrefix("time median over 200 commits, c00000 (2026-11-10T00:00:00Z)"))
        #expect(title.hasSuffix("3 baseline updates marked; no change points."))
    }
}

/// TrendChart's layout limits, as the tests rely on them.
enum TrendChartLimits {
    static let commitLabels = 8
}
