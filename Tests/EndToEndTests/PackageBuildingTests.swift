import Testing

/// The suites that build a Swift package and time its benchmarks (`memgate run`, `memgate
/// refs`), run one test at a time: side by side, their release builds and the benchmarks
/// they time would share a CI machine's two cores, making the timing verdicts that `refs`
/// is tested on noisier than they need to be.
@Suite(.serialized) enum PackageBuildingTests {}
