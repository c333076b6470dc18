import BenchResults
import Foundation
import Testing
import TestSupport

extension NIOPackageTests {
    /// `memgate run` with its defaults (the reference-counting pass on) on real server code,
    /// Tests/Fixtures/NIOBench: an HTTP/1 client and server exchanging 1,000 requests with short
    /// headers over loopback per op (with callbacks and with async/await), futures on an event
    /// loop, an EmbeddedChannel HTTP pipeline, ByteBuffer and HTTPHeaders work. The pass must
    /// change nothing the program does: every benchmark runs to the end with retains, releases
    /// and objects recorded, and allocates exactly what it allocates under `--no-arc`. One
    /// header value's payload spells the address of a page the benchmarks map and check
    /// (`SpelledPage`), so a pass that forwards a small string's payload to the runtime fails
    /// every run, not only the runs whose heap a natural value happens to spell.
    ///
    /// Cost: the first release build of the fixture (SwiftNIO and memgate) takes minutes; the
    /// build folder is kept (`NIOFixture.scratchPath`), so later runs only run (docs/performance.md).
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"),
           .enabled(if: NIOFixture.testsRun, NIOFixture.skipReason))
    struct NIOEndToEndTests {
        /// Single-threaded work: every sample allocates the same, with or without the pass.
        static let deterministic = ["embedded/http-roundtrip", "bytebuffer/strings-and-integers", "http1/headers"]
        /// Work on an event loop's thread, whose allocations depend on scheduling: judged by the
        /// gate's rule for unstable exact metrics (docs/thresholds.md), as `memgate run` judges them.
        static let scheduled = ["http1/exchange", "http1/exchange-async", "eventloop/future-chain"]

        @Test func referenceCountingPassChangesNothingSwiftNIODoes() throws {
            try NIOFixture.resolve()
            let directory = try TemporaryDirectory()
            let baseline = directory.file("baseline.json")
            let plain = try NIOFixture.memgate(["run", "--no-arc", "--update", "--baseline", baseline,
                                                "--results", directory.file("no-arc.json")])
            try #require(plain.code == 0, "memgate run --no-arc: \(plain.stdout)\n\(plain.stderr)")
            let counted = try NIOFixture.memgate(["run", "--baseline", baseline, "--results", directory.file("arc.json"),
                                                  "--output", "json:" + directory.file("verdict.json")])
            #expect(counted.code == 0, "memgate run (defaults): \(counted.stdout)\n\(counted.stderr)")

            let withoutPass = try ResultsFile.read(contentsOf: directory.file("no-arc.json"))
            let withPass = try ResultsFile.read(contentsOf: directory.file("arc.json"))
            #expect(Set(withPass.benchmarks.map(\.name)) == Set(Self.deterministic + Self.scheduled))
            let failed = withPass.benchmarks.filter { $0.status != .ok }.map { "\($0.name): \($0.status) \($0.message ?? "")" }
            try #require(failed.isEmpty, "with the pass: \(failed.joined(separator: "; "))")
            Self.expectCounted(withPass, withoutPass)
            for name in Self.deterministic {
                let before = withoutPass[name]?[.allocs]?.samples ?? [], after = withPass[name]?[.allocs]?.samples ?? []
                #expect(!before.isEmpty && Set(before).count == 1 && Set(after) == Set(before),
                        "\(name): allocs/op \(before) under --no-arc, \(after) with the pass")
            }
            let verdicts = try Self.allocsVerdicts(directory.file("verdict.json"))
            for name in Self.deterministic + Self.scheduled {
                #expect(verdicts[name] == "pass", "\(name): allocs verdict \(verdicts[name] ?? "none") against --no-arc")
            }
        }

        /// Every benchmark has retains, releases and objects with the pass and none without it,
        /// at least one object; the scheduled ones (real event-loop work) at least one retain.
        static func expectCounted(_ withPass: ResultsFile, _ withoutPass: ResultsFile) {
            for benchmark in withPass.benchmarks {
                for id in [MetricID.retains, .releases, .objects] {
                    #expect(benchmark[id] != nil, "\(benchmark.name): no \(id.rawValue) recorded")
                    #expect(withoutPass[benchmark.name]?[id] == nil, "\(benchmark.name): \(id.rawValue) counted under --no-arc")
                }
                #expect((benchmark[.objects]?.median ?? 0) > 0, "\(benchmark.name): no Swift object counted")
            }
            for name in scheduled {
                #expect((withPass[name]?[.retains]?.median ?? 0) > 0, "\(name): no retain counted")
            }
        }

        /// Benchmark name: the verdict of its `allocs` row in a `memgate-verdict` JSON report.
        static func allocsVerdicts(_ path: String) throws -> [String: String] {
            let data = try #require(FileManager.default.contents(atPath: path))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var verdicts: [String: String] = [:]
            for case let benchmark as [String: Any] in report["benchmarks"] as? [Any] ?? [] {
                guard let name = benchmark["name"] as? String else { continue }
                for case let row as [String: Any] in benchmark["metrics"] as? [Any] ?? [] where row["metric"] as? String == "allocs" {
                    verdicts[name] = row["verdict"] as? String
                }
            }
            return verdicts
        }
    }
}
