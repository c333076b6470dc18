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

    /// A shift of the level (`Shift` in GateCore): what `TrendChart` marks.
    package struct Change: Sendable, Equatable {
        /// The index in `points` of the last point at the old level and of the first at the new one.
        package var from: Int, to: Int
        /// The size and the commit range (`+21.9% a1b2c3d..e4f5a6b`).
        package var label: String
        /// Whether it goes the worse way.
        package var worse: Bool

        /// Creates a change.
        package init(from: Int, to: Int, label: String, worse: Bool) {
            self.from = from
            self.to = to
            self.label = label
            self.worse = worse
        }
    }

    /// The metric's name (`time`).
    package var metric: String
    /// The unit of every value.
    package var unit: MetricUnit
    /// The commits, oldest first.
    package var points: [Point]
    /// The shifts of the level, oldest first.
    package var changes: [Change]

    /// Creates a series.
    package init(metric: String, unit: MetricUnit, points: [Point], changes: [Change] = []) {
        self.metric = metric
        self.unit = unit
        self.points = points
        self.changes = changes
    }
}
