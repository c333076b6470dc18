import BenchResults
import Testing

@Suite struct MetricUnitTests {
    private func check(_ unit: String, _ value: Double, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(MetricUnit(unit).format(value) == expected, sourceLocation: sourceLocation)
    }

    @Test func formatsWithScaledPrefixes() {
        check("ns/op", 0.5, "0.50 ns/op")
        check("ns/op", 12, "12 ns/op")
        check("ns/op", 1_250, "1.25 µs/op")
        check("ns/op", 2_500_000_000, "2.50 s/op")
        check("ns", 999, "999 ns")
        check("B/op", 1_536, "1.50 KiB/op")
        check("B", 100 * 1_048_576, "100 MiB")
        check("B/s", 3 * 1_073_741_824, "3 GiB/s")
        check("allocs/op", 3, "3 allocs/op")
        check("allocs/op", 19.44, "19.4 allocs/op")
        check("allocs/op", 0.25, "0.25 allocs/op")
        check("items/s", 12_345_678, "12.3 M items/s")
        check("ns/op", .nan, "-")
    }

    @Test func roundsAtTheEdges() {
        // Three significant digits, halves away from zero.
        #expect(MetricUnit.threeDigits(999.949999) == "1000")
        #expect(MetricUnit.threeDigits(99.949999) == "99.9")
        #expect(MetricUnit.threeDigits(99.95) == "100.0")
        #expect(MetricUnit.threeDigits(1.005) == "1.00" || MetricUnit.threeDigits(1.005) == "1.01")  // 1.005 is 1.00499... in binary
        #expect(MetricUnit.fixed(2.25, decimals: 1) == "2.3")
        #expect(MetricUnit.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(MetricUnit.fixed(-0.001, decimals: 2) == "0.00")
        #expect(MetricUnit.fixed(0.05, decimals: 2) == "0.05")
    }

    @Test func splitsBaseAndSuffix() {
        #expect(MetricUnit("ns/op").base == "ns")
        #expect(MetricUnit("ns/op").suffix == "/op")
        #expect(MetricUnit("widgets").suffix == "")
        #expect(MetricUnit("B/op").scale == .binaryBytes)
        #expect(MetricUnit("ns").scale == .time)
        #expect(MetricUnit("hits/op").scale == .decimal)
    }

    /// Issue 21, item 6: values past Int64 (allocs of 1e28, a custom metric of 1e308) used
    /// to trap in `fixed`; from 10^15 up they print with three significant digits and an exponent.
    @Test func hugeValuesPrintInScientificNotation() {
        #expect(MetricUnit.fixed(1e28, decimals: 0) == "1.00e28")
        #expect(MetricUnit.fixed(-1.5e20, decimals: 2) == "-1.50e20")
        #expect(MetricUnit.fixed(9.996e20, decimals: 1) == "1.00e21")
        #expect(MetricUnit.threeDigits(1e308) == "1.00e308")
        #expect(MetricUnit.threeDigits(-.greatestFiniteMagnitude) == "-1.80e308")
        #expect(MetricUnit.threeDigits(123_456_789_012_345.6) == "123456789012346")
        #expect(MetricUnit.allocationsPerOp.format(1e28) == "1.00e19 G allocs/op")
        #expect(MetricUnit("widgets/op").format(1e308).hasPrefix("1.00e299"))
        #expect(MetricUnit.fixed(.infinity, decimals: 1) == "-" && MetricUnit.fixed(.nan, decimals: 0) == "-")
        #expect(MetricUnit.elapsed(1e30) == "1.00e30 s")
    }
}

/// The one unit table (`MetricUnit.Scale.steps`), every name, alias and factor.
@Suite struct MetricUnitStepsTests {
    @Test func everyStepAndFactor() {
        func table(_ scale: MetricUnit.Scale) -> [String] {
            scale.steps.map { "\(([$0.name] + $0.aliases).joined(separator: "|"))=\($0.factor)" }
        }
        #expect(table(.time) == ["s=1000000000.0", "ms=1000000.0", "µs|us=1000.0", "ns=1.0"])
        #expect(table(.binaryBytes) == ["GiB=1073741824.0", "MiB=1048576.0", "KiB=1024.0", "B=1.0"])
        #expect(table(.decimal) == ["G=1000000000.0", "M=1000000.0", "k=1000.0", "=1.0"])
    }

    /// Each step is printed from exactly its factor up, and a value below 1 in the base.
    @Test func formattingUsesEveryStep() {
        let expected: [(String, Double, String)] = [
            ("ns/op", 0.5, "0.50 ns/op"), ("ns/op", 1, "1 ns/op"), ("ns/op", 999, "999 ns/op"), ("ns/op", 1e3, "1 µs/op"),
            ("ns/op", 1e6, "1 ms/op"), ("ns/op", 1e9, "1 s/op"), ("ns/op", -2e6, "-2 ms/op"), ("ns/op", 5e12, "5000 s/op"),
            ("B", 1023, "1023 B"), ("B", 1024, "1 KiB"), ("B", 1_048_576, "1 MiB"), ("B", 1_073_741_824, "1 GiB"),
            ("B/s", 0.25, "0.25 B/s"), ("allocs/op", 999, "999 allocs/op"), ("allocs/op", 1e3, "1 k allocs/op"),
            ("allocs/op", 1e6, "1 M allocs/op"), ("allocs/op", 1e9, "1 G allocs/op"), ("widgets", 2e3, "2 k widgets"),
        ]
        for (unit, value, text) in expected {
            #expect(MetricUnit(unit).format(value) == text, "\(unit) \(value)")
        }
        #expect(MetricUnit("ns").scaledValue(.infinity) == (.infinity, "s"))
        #expect(MetricUnit("hits").scaledValue(.nan).1 == "hits")
    }
}
