extension MetricUnit {
    /// One named multiple of a scale's base unit: `KiB` is 1024 B, `ms` is 1e6 ns, `k` is
    /// 1000 of a decimal unit's base (`k allocs`).
    package struct Step: Sendable, Equatable {
        /// The name printed and read (`"µs"`, `"KiB"`); for the decimal scale a prefix of the
        /// unit's base (`"k"`), and empty for the base itself.
        package let name: String
        /// Other spellings read but never printed (`"us"` for `"µs"`).
        package let aliases: [String]
        /// How many base units (ns, B, or one) the step is.
        package let factor: Double

        /// Creates a step.
        package init(_ name: String, _ factor: Double, aliases: [String] = []) {
            self.name = name
            self.factor = factor
            self.aliases = aliases
        }
    }
}

extension MetricUnit.Scale {
    /// The one unit table: this scale's steps, largest first, its base (factor 1) last.
    /// Formatting (`MetricUnit.scaledValue`) and threshold amounts (`Threshold(parsing:)`)
    /// both read it; `MetricUnitTests` checks every name and factor.
    package var steps: [MetricUnit.Step] {
        switch self {
        case .time: Self.timeSteps
        case .binaryBytes: Self.byteSteps
        case .decimal: Self.decimalSteps
        }
    }

    private static let timeSteps = [
        MetricUnit.Step("s", 1e9), MetricUnit.Step("ms", 1e6), MetricUnit.Step("µs", 1e3, aliases: ["us"]), MetricUnit.Step("ns", 1),
    ]
    private static let byteSteps = [
        MetricUnit.Step("GiB", 1_073_741_824), MetricUnit.Step("MiB", 1_048_576), MetricUnit.Step("KiB", 1024), MetricUnit.Step("B", 1),
    ]
    private static let decimalSteps = [
        MetricUnit.Step("G", 1e9), MetricUnit.Step("M", 1e6), MetricUnit.Step("k", 1e3), MetricUnit.Step("", 1),
    ]
}
