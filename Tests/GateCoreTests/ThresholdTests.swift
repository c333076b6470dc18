import BenchResults
import Testing
@testable import GateCore

@Suite struct ThresholdParsingTests {
    func check(
        _ text: String, fraction: Double?, amount: Double?, unit: Threshold.AmountUnit = .plain,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let threshold = try Threshold(parsing: text)
        #expect(threshold.fraction == fraction, sourceLocation: sourceLocation)
        #expect(threshold.amount == amount, sourceLocation: sourceLocation)
        #expect(threshold.amountUnit == unit, sourceLocation: sourceLocation)
        #expect(!threshold.isOff, sourceLocation: sourceLocation)
    }

    @Test func forms() throws {
        try check("10%", fraction: 0.1, amount: nil)
        try check("+10%", fraction: 0.1, amount: nil)
        try check("2.5%", fraction: 0.025, amount: nil)
        try check("+2", fraction: nil, amount: 2)
        try check("2", fraction: nil, amount: 2)
        try check("+0", fraction: nil, amount: 0)
        try check("+0.5", fraction: nil, amount: 0.5)
        try check("+1MiB", fraction: nil, amount: 1_048_576, unit: .bytes)
        try check("+4KiB", fraction: nil, amount: 4096, unit: .bytes)
        try check("+2GiB", fraction: nil, amount: 2_147_483_648, unit: .bytes)
        try check("+100B", fraction: nil, amount: 100, unit: .bytes)
        try check("+500ns", fraction: nil, amount: 500, unit: .time)
        try check("+3us", fraction: nil, amount: 3000, unit: .time)
        try check("+3µs", fraction: nil, amount: 3000, unit: .time)
        try check("+2ms", fraction: nil, amount: 2e6, unit: .time)
        try check("+1s", fraction: nil, amount: 1e9, unit: .time)
        try check("10% +1MiB", fraction: 0.1, amount: 1_048_576, unit: .bytes)
        try check("+1MiB 10%", fraction: 0.1, amount: 1_048_576, unit: .bytes)
        try check("  5%\t+2  ", fraction: 0.05, amount: 2)
    }

    /// Every name and alias of the time and byte steps of the one unit table is an amount
    /// unit, at its factor; the decimal prefixes are not.
    @Test func everyUnitOfTheUnitTable() throws {
        for (scale, unit) in [(MetricUnit.Scale.time, Threshold.AmountUnit.time), (.binaryBytes, .bytes)] {
            for step in scale.steps {
                for name in [step.name] + step.aliases { try check("+3\(name)", fraction: nil, amount: 3 * step.factor, unit: unit) }
            }
        }
    }

    @Test func off() throws {
        #expect(try Threshold(parsing: "off").isOff)
        #expect(try Threshold(parsing: "OFF").isOff)
        #expect(!Threshold.off.isExceeded(from: 1, to: 1000, better: .lower))
    }

    @Test(arguments: [
        "", "   ", "%", "-5%", "+-2", "ten%", "10%%", "1e3", "+1.2.3", "+1 MiB", "5% 6%", "+1 +2", "+1KB", "+1mb", "nan", "inf%",
        "10% +1MiB +2", "+5h", "+5k", "+1Ki", "+2M",
    ])
    func rejects(_ text: String) {
        #expect(throws: ThresholdError.self) { try Threshold(parsing: text) }
    }

    @Test(arguments: [
        ("ten%", "threshold \"ten%\" is not a percentage like 10%"),
        // The word that is not an amount is named, not "two amounts".
        ("5 percent", "threshold \"5 percent\" part \"percent\" is not a percentage (10%) or an amount (+2, +1MiB, +500ns)"),
        ("+1 +2", "threshold \"+1 +2\" has two amounts (at most one amount and one percentage, like \"10% +1MiB\")"),
        ("5% 6%", "threshold \"5% 6%\" has two percentages (at most one amount and one percentage, like \"10% +1MiB\")"),
    ])
    func errorMessageNamesTheText(text: String, message: String) {
        do {
            _ = try Threshold(parsing: text)
            Issue.record("no error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func unitMismatchForBuiltInMetrics() throws {
        #expect(throws: ThresholdError.self) { try ThresholdDefaults.checkUnit(Threshold(parsing: "+1MiB"), metric: "time") }
        #expect(throws: ThresholdError.self) { try ThresholdDefaults.checkUnit(Threshold(parsing: "+5ms"), metric: "peakRSS") }
        #expect(throws: ThresholdError.self) { try ThresholdDefaults.checkUnit(Threshold(parsing: "+5ms"), metric: "allocs") }
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+5ms"), metric: "p99")
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+1MiB"), metric: "bytes")
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+3"), metric: "time")
        try ThresholdDefaults.checkUnit(Threshold(parsing: "+1MiB"), metric: "my-custom")
    }
}

@Suite struct ThresholdSemanticsTests {
    func exceeded(_ text: String, _ from: Double, _ to: Double, better: MetricDirection = .lower) throws -> Bool {
        try Threshold(parsing: text).isExceeded(from: from, to: to, better: better)
    }

    @Test func relative() throws {
        #expect(try !exceeded("10%", 100, 110))          // exactly 10% is not beyond
        #expect(try exceeded("10%", 100, 110.01))
        #expect(try !exceeded("10%", 100, 50))           // improvements never exceed
        #expect(try exceeded("10%", 0, 1))               // any growth from 0
        #expect(try !exceeded("10%", 0, 0))
    }

    @Test func absolute() throws {
        #expect(try !exceeded("+0", 3, 3))
        #expect(try exceeded("+0", 3, 4))
        #expect(try !exceeded("+0", 3, 3 + 1e-12))       // floating-point noise absorbed
        #expect(try exceeded("+0", 3, 3.001))
        #expect(try !exceeded("+2", 3, 5))
        #expect(try exceeded("+2", 3, 5.5))
    }

    @Test func both() throws {
        let mib = 1_048_576.0
        // 10% +1MiB: both parts must be exceeded.
        #expect(try !exceeded("10% +1MiB", 2 * mib, 2.5 * mib))    // +25% but only 0.5 MiB
        #expect(try !exceeded("10% +1MiB", 100 * mib, 102 * mib))  // +2 MiB but only 2%
        #expect(try exceeded("10% +1MiB", 10 * mib, 12 * mib))     // +20% and +2 MiB
    }

    @Test func higherIsBetter() throws {
        #expect(try exceeded("10%", 100, 89, better: .higher))
        #expect(try !exceeded("10%", 100, 95, better: .higher))
        #expect(try !exceeded("10%", 100, 200, better: .higher))
        #expect(try Threshold(parsing: "10%").isImprovedBeyond(from: 100, to: 120, better: .higher))
    }

    @Test func improvements() throws {
        let t = try Threshold(parsing: "10%")
        #expect(t.isImprovedBeyond(from: 100, to: 89, better: .lower))
        #expect(!t.isImprovedBeyond(from: 100, to: 91, better: .lower))
        #expect(try Threshold(parsing: "+0").isImprovedBeyond(from: 3, to: 2, better: .lower))
    }
}

@Suite struct ThresholdDefaultTests {
    @Test func builtIns() {
        func text(_ name: String, exact: Bool = false) -> String { ThresholdDefaults.threshold(for: name, exact: exact).text }
        #expect(text("allocs", exact: true) == "+0")
        #expect(text("bytes", exact: true) == "5%")
        #expect(text("time") == "10%")
        #expect(text("cpu") == "10%")
        #expect(text("p50") == "10%")
        #expect(text("p90") == "15%")
        #expect(text("p99") == "25%")
        #expect(text("p99.9") == "off")
        #expect(text("max") == "off")
        #expect(text("peakRSS") == "10% +1MiB")
        #expect(text("throughput") == "10%")
        #expect(text("instructions") == "off")
        #expect(text("frees") == "off")
        #expect(text("retained") == "off")
        #expect(text("rssGrowth") == "off")
        #expect(text("my-counter", exact: true) == "+0")
        #expect(text("my-latency") == "10%")
        for id in MetricID.allCases { #expect(ThresholdDefaults.builtIn[id] != nil, "\(id) has a default") }
    }
}
