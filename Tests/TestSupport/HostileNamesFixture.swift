import BenchResults

/// Results files whose benchmark, metric and environment texts try to break an HTML page:
/// markup, quotes, entities, a closing `</svg>`, right-to-left text with a bidi override,
/// emoji and a 300-character name without spaces. The first benchmark regresses (one more
/// allocation per op, from a new allocation site), so the page has charts, a site table and
/// a flame graph for it.
package enum HostileNamesFixture {
    /// The benchmark names.
    package static let names = [
        "<script>alert(1)</script>",
        "quotes \"double\" 'single' `back`",
        "&amp; &lt;entity&gt; &#x41;",
        "</svg></table></section><img src=x onerror=alert(2)>",
        "مقارنة/עברית \u{202E}desrever txet",
        "🚀 rocket/👩‍💻 coder/🇩🇪",
        "long/" + String(repeating: "abcdefghij", count: 29) + "abcde",
    ]
    /// A custom metric whose name is markup.
    package static let metricName = "<i onclick=alert(3)>m</i>"

    /// The baseline and the current results.
    package static func files() -> (baseline: ResultsFile, current: ResultsFile) {
        (file(extraAllocation: false, cpu: "CPU <b>\"A\"</b>"), file(extraAllocation: true, cpu: "CPU <b>\"B\"</b>"))
    }

    private static func file(extraAllocation: Bool, cpu: String) -> ResultsFile {
        let environment = Environment(os: "Linux", arch: "x86_64", cpuModel: cpu, cores: 2, swiftVersion: "6.3",
                                      buildConfiguration: "release", gitCommit: "abc", date: "2026-12-02T10:00:00Z")
        let benchmarks = names.enumerated().map { index, name in
            let allocations = Double(3 + index) + (extraAllocation && index == 0 ? 1 : 0)
            let time = (1...10).map { Double(1000 * (index + 1)) + Double($0 * 7 % 10) }
            return BenchmarkResult(
                name: name, iterations: Array(repeating: 100, count: 10),
                metrics: [
                    "time": Metric(unit: .nanosecondsPerOp, samples: time),
                    "allocs": Metric(unit: .allocationsPerOp, exact: true, samples: Array(repeating: allocations, count: 10)),
                    metricName: Metric(unit: MetricUnit("things/op"), samples: time.map { $0 / 100 }),
                ],
                allocationSites: sites(name, allocations: allocations, extra: extraAllocation && index == 0))
        }
        return ResultsFile(environment: environment, benchmarks: benchmarks)
    }

    private static func sites(_ name: String, allocations: Double, extra: Bool) -> AllocationSites {
        let frames = ["\(name).body()", "closure <#1> in \"register\""]
        var list = [AllocationSite(key: AllocationSite.key(frames: frames, via: "swift_allocObject"),
                                   allocationsPerOp: allocations - (extra ? 1 : 0), bytesPerOp: 48,
                                   frames: frames, via: "swift_allocObject")]
        if extra {
            let grown = ["Cache<\(name)>.insert(_:)", "\(name).body()"]
            list.append(AllocationSite(key: AllocationSite.key(frames: grown, via: nil), allocationsPerOp: 1, bytesPerOp: 16,
                                       frames: grown))
        }
        return AllocationSites(iterations: 10, allocationsPerOp: allocations, bytesPerOp: 48 + (extra ? 16 : 0), sites: list)
    }
}
