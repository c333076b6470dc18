import BenchResults
import GateFormats
import Testing

/// What `go test` prints when something goes wrong reads as failed benchmarks, never as
/// skipped lines: a failure must not pass the gate.
@Suite struct GoBenchfmtFailureTests {
    func read(_ text: String) throws(ResultsError) -> ResultsFile {
        try ResultsFile.decode(anyFormat: Array(text.utf8), path: "go.txt")
    }

    /// Without -v, go test prints the name, runs the benchmark, then `--- FAIL` on that line.
    @Test func failAfterTheNameOnItsLine() throws {
        let file = try read("""
        BenchmarkA-8   \t      10\t         5 ns/op
        BenchmarkB-8   \t--- FAIL: BenchmarkB-8
            b_test.go:12: boom
        FAIL

        """)
        #expect(file["A"]?.status == .ok)
        #expect(file["B"]?.status == .failed)
    }

    @Test func aPanicFailsTheBenchmarkRunning() throws {
        let plain = try read("""
        pkg: example.com/x
        BenchmarkA-8   \t      10\t         5 ns/op
        BenchmarkB-8   \tpanic: runtime error: index out of range [3] with length 3

        goroutine 7 [running]:
        example.com/x.BenchmarkB(0xc000)
        \t/x/b_test.go:9 +0x1d
        exit status 2
        FAIL\texample.com/x\t0.012s

        """)
        #expect(plain["example.com/x.A"]?.status == .ok)
        let failed = try #require(plain["example.com/x.B"])
        #expect(failed.status == .failed)
        #expect(failed.message == "panicked: panic: runtime error: index out of range [3] with length 3")
        #expect(plain["example.com/x.*"]?.status == .failed)
        // With -v the bare name comes first, the panic on a line of its own.
        let verbose = try read("BenchmarkA\nBenchmarkA-8 10 5 ns/op\nBenchmarkB\npanic: boom [recovered]\n\tpanic: boom\n")
        #expect(verbose["A"]?.status == .ok)
        #expect(verbose["B"]?.message == "panicked: panic: boom [recovered]")
    }

    /// A package that did not build has no benchmark lines at all; the others still read, and
    /// every name keeps its package, however many packages ran.
    @Test func aPackageThatFailedToBuild() throws {
        let file = try read("""
        # example.com/b
        b/render_test.go:9:2: undefined: renderr
        goos: linux
        pkg: example.com/a
        BenchmarkParse-8   \t    1000\t       500 ns/op\t      64 B/op\t       2 allocs/op
        PASS
        ok  \texample.com/a\t1.0s
        FAIL\texample.com/b [build failed]

        """)
        #expect(file.benchmarks.map(\.name) == ["example.com/a.Parse", "example.com/b.*"])
        #expect(file["example.com/b.*"]?.status == .failed)
        #expect(file["example.com/b.*"]?.message == "package example.com/b failed: FAIL example.com/b [build failed]")
        let nothingBuilt = try read("FAIL\texample.com/b [build failed]\n")
        #expect(nothingBuilt.benchmarks.map(\.name) == ["example.com/b.*"])
        // A failure before any package is named waits for the line naming it.
        let early = try read("panic: init failed\nFAIL\texample.com/c\t0.01s\n")
        #expect(early.benchmarks.map(\.name) == ["example.com/c.*"])
        #expect(early["example.com/c.*"]?.message == "package example.com/c failed: FAIL example.com/c 0.01s: panic: init failed")
    }

    /// Output the benchmark printed itself lands between its name and its numbers.
    @Test func aResultSplitByTheBenchmarksOwnOutputFails() throws {
        let split = try read("BenchmarkA-8   \thello from A\n 1000\t5 ns/op\t3 allocs/op\nBenchmarkC-8 10 5 ns/op\n")
        #expect(split["A"]?.status == .failed)
        #expect(split["A"]?.message?.contains("split from its name") == true)
        #expect(split["C"]?.status == .ok)
        let sameLine = try read("BenchmarkA-8   \thello 1000\t5 ns/op\t3 allocs/op\n")
        #expect(sameLine["A"]?.status == .failed)
        let killed = try read("BenchmarkA-8   \tsignal: killed\nFAIL\texample.com/x\t600.1s\n")
        #expect(killed["A"]?.status == .failed)
        // A skipped benchmark did not fail; a bare name, -v output's own lines, then its result: fine.
        #expect(try read("BenchmarkS-8   \t--- SKIP: BenchmarkS-8\nBenchmarkC-8 10 5 ns/op\n")["S"] == nil)
        let verbose = try read("BenchmarkA\nhello from A\nBenchmarkA-8 1000 5 ns/op\n")
        #expect(verbose["A"]?.status == .ok)
    }

    /// -v output: parents of sub-benchmarks are bare names with no result of their own, and
    /// `--- BENCH` logs follow results. None of it is a failure.
    @Test func verboseOutputReadsWithoutFailures() throws {
        let file = try read("""
        pkg: example.com/x
        BenchmarkParent
        BenchmarkParent/sub
        BenchmarkParent/sub-8   \t    1000\t         5 ns/op
        --- BENCH: BenchmarkParent/sub-8
            x_test.go:3: 100 5 ns/op
        PASS
        ok  \texample.com/x\t1.0s

        """)
        #expect(file.benchmarks.map(\.name) == ["example.com/x.Parent/sub"])
        #expect(file.benchmarks.allSatisfy { $0.status == .ok })
    }

    /// What `convert --to benchfmt` writes reads back as the same metrics: fewer samples for
    /// some metrics (on the first lines), and composed units named by `Unit U metric=NAME`.
    @Test func writtenMetricsReadBack() throws {
        let file = ResultsFile(environment: Environment(os: "Linux"), benchmarks: [
            BenchmarkResult(name: "enc", iterations: [10, 10, 10], metrics: [
                "time": Metric(unit: .nanosecondsPerOp, samples: [5, 6, 7]),
                "allocs": Metric(unit: .allocationsPerOp, better: .lower, exact: true, samples: [3, 3, 3]),
                "retains": Metric(unit: .retainsPerOp, better: .lower, exact: true, samples: [4]),
                "cpu": Metric(unit: .nanosecondsPerOp, samples: [5, 6]),
                "documentSize": Metric(unit: MetricUnit("B"), better: .lower, exact: true, samples: [100, 100, 100]),
            ]),
        ])
        let text = GoBenchfmt.write(file)
        #expect(text.contains("Unit retains-retains/op metric=retains\n"))
        let back = try read(text)
        #expect(back["enc"]?.metrics == file["enc"]?.metrics)
        #expect(back["enc"]?.iterations == [10, 10, 10])
    }
}
