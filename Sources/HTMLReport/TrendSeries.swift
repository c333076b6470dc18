import BenchResults

/// One metric of one benchmark over commits: what `TrendChart` draws. The history storage
/// that produces it lives elsewhere; this is only the shape a chart needs.
package struct TrendSeries: Sendable, Equatable {
    /// One commit's value.
    package struct Point: Sendable, Equatable {
        /// A short commit hash (the x-axis label).
        package var label: String
        /// When the commit's results were recorded (as the history stores it).
        package var date: String
        /// The median at that commit.
        package var value: Double
        /// The low and high ends of the median's interval (or the samples' range).
        package var low: Double, high: Double
        /// Whether the baseline was updated at this commit.
        package var baselineUpdate: Bool

        /// Creates a point.
        package init(label: String, date: String, value: Double, low: Double, high: Double, baselineUpdate: Bool = false) {
            self.label = label
            self.date = date
            self.value = value
            self.low = low
            self.high = high
            self.baselineUpdate = baselineUpdate
        }
    }

    /// The metric's name (`time`).
    package var metric: String
    /// The unit of every value.
    package var unit: MetricUnit
    /// The commits, oldest first.
    package var points: [Point]

    /// Creates a series.
    package init(metric: String, unit: MetricUnit, points: [Point]) {
        self.metric = metric
        self.unit = unit
        self.points = points
    }
}
