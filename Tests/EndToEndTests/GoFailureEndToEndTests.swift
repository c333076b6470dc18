import BenchResults
import Foundation
import Testing
import TestSupport

/// Go benchfmt runs that report a failure, through the built `memgate`: never a pass, and
/// the failed benchmarks named in the report.
@Suite struct GoFailureEndToEndTests {
    /// One package's output, as `go test -bench . -benchmem -count 2` prints it.
    static func package(_ name: String, _ benchmark: String, allocs: Int, memory: Bool = true) -> String {
        let line = "Benchmark\(benchmark)-8   \t    1000\t       500 ns/op" + (memory ? "\t      64 B/op\t       \(allocs) allocs/op" : "")
        return """
        goos: linux
        goarch: amd64
        pkg: \(name)
        cpu: Test CPU
        \(line)
        \(line)
        PASS
        ok  \t\(name)\t1.0s

        """
    }

    static let baseline = package("example.com/a", "Parse", allocs: 2) + package("example.com/b", "Render", allocs: 4)

    func check(_ current: String, in dir: TemporaryDirectory) throws -> MemGateProcess.Outcome {
        let base = try dir.write("base.txt", Self.baseline)
        let now = try dir.write("now.txt", current)
        return try MemGateProcess.run(["check", base, now], in: dir.url)
    }

    /// The baseline ran two packages; now one failed to build. The other's names must still
    /// match (`pkg.Name` however many packages ran), so its +3 allocs/op is caught, and the
    /// failed package's benchmarks are named as failed.
    @Test func onePackageFailedToBuild() throws {
        let dir = try TemporaryDirectory()
        let current = "# example.com/b\nb/render_test.go:9:2: undefined: renderr\n"
            + Self.package("example.com/a", "Parse", allocs: 5) + "FAIL\texample.com/b [build failed]\n"
        let run = try check(current, in: dir)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("example.com/a.Parse"), "\(run.stdout)")
        #expect(run.stdout.contains("+3 allocs/op") || run.stdout.contains("+150"), "\(run.stdout)")
        #expect(run.stdout.contains("example.com/b.Render"), "\(run.stdout)")
        #expect(run.stdout.contains("build failed"), "\(run.stdout)")
        #expect(!run.stdout.contains("REMOVED"), "\(run.stdout)")
        // The same run with both packages unchanged passes: the names match.
        #expect(try check(Self.baseline, in: dir).code == 0)
    }

    @Test func aPanickedBenchmarkFails() throws {
        let dir = try TemporaryDirectory()
        let broken = Self.package("example.com/b", "Render", allocs: 4).replacingOccurrences(
            of: "PASS\nok  \texample.com/b\t1.0s",
            with: "BenchmarkLayout-8   \tpanic: runtime error: index out of range [3] with length 3\n\ngoroutine 7 [running]:\n"
                + "exit status 2\nFAIL\texample.com/b\t0.012s")
        let run = try check(Self.package("example.com/a", "Parse", allocs: 2) + broken, in: dir)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("example.com/b.Layout"), "\(run.stdout)")
        #expect(run.stdout.contains("index out of range"), "\(run.stdout)")
    }

    @Test func outputWithoutBenchmemFails() throws {
        let dir = try TemporaryDirectory()
        let current = Self.package("example.com/a", "Parse", allocs: 2, memory: false)
            + Self.package("example.com/b", "Render", allocs: 4, memory: false)
        let run = try check(current, in: dir)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("example.com/a.Parse"), "\(run.stdout)")
        #expect(run.stdout.contains("-benchmem"), "\(run.stdout)")
    }

    @Test func aResultSplitByTheBenchmarksPrintsFails() throws {
        let dir = try TemporaryDirectory()
        let split = Self.package("example.com/a", "Parse", allocs: 2).replacingOccurrences(
            of: "BenchmarkParse-8   \t    1000", with: "BenchmarkParse-8   \tdebug: parsing\n    1000")
        let run = try check(split + Self.package("example.com/b", "Render", allocs: 4), in: dir)
        #expect(run.code == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("example.com/a.Parse"), "\(run.stdout)")
    }

    /// JSON -> benchfmt (`convert`) -> `check` against the JSON baseline: the file reads back
    /// and every exact metric gets the verdict the JSON current gets.
    @Test func convertedToBenchfmtChecksLikeTheJSON() throws {
        let dir = try TemporaryDirectory()
        func file(allocs: Double, retains: Double, size: Double) -> ResultsFile {
            Fixture.file([
                Fixture.benchmark("json/encode", [
                    "time": Fixture.time([100, 101, 102]), "allocs": Fixture.allocs([allocs, allocs, allocs]),
                    "bytes": Fixture.bytes([256, 256, 256]),
                    "retains": Metric(unit: .retainsPerOp, better: .lower, exact: true, samples: [retains]),
                    "documentSize": Metric(unit: MetricUnit("B"), better: .lower, exact: true, samples: [size, size, size]),
                ]),
                Fixture.benchmark("sort/n=1000", ["time": Fixture.time([50, 51, 52]), "allocs": Fixture.allocs([1, 1, 1])]),
            ])
        }
        let base = try dir.write("base.json", file(allocs: 3, retains: 2, size: 100))
        let current = try dir.write("current.json", file(allocs: 4, retains: 2, size: 120))
        let converted = try MemGateProcess.run(["convert", current, "--to", "benchfmt", "--output", "current.txt"], in: dir.url)
        #expect(converted.code == 0, "\(converted.stderr)")
        let viaJSON = try MemGateProcess.run(["check", base, current, "--format", "json"], in: dir.url)
        let viaText = try MemGateProcess.run(["check", base, dir.file("current.txt"), "--format", "json"], in: dir.url)
        #expect(viaJSON.code == 1)
        #expect(viaText.code == viaJSON.code, "\(viaText.stderr)")
        let expected = try exactVerdicts(viaJSON.stdout)
        #expect(expected.count == 5, "\(expected)")
        #expect(try exactVerdicts(viaText.stdout) == expected)
    }

    /// `benchmark metric: verdict` of every exact row of a JSON verdict.
    func exactVerdicts(_ json: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let benchmarks = try #require(object["benchmarks"] as? [[String: Any]])
        return benchmarks.flatMap { benchmark in
            ((benchmark["metrics"] as? [[String: Any]]) ?? []).filter { $0["exact"] as? Bool == true }.map {
                "\(benchmark["name"] ?? "") \($0["metric"] ?? ""): \($0["verdict"] ?? "")"
            }
        }.sorted()
    }
}
