import BenchResults
import GateFormats
import Testing

/// The Go unit map (`GoBenchfmt.goUnits`) against known values.
@Suite struct GoUnitTests {
    /// The one Go unit map, every entry both ways: read as its metric in our unit (times the
    /// factor), written back as the Go unit (divided by it).
    @Test func everyGoUnitBothWays() throws {
        #expect(GoBenchfmt.goUnits.map { "\($0.text)=\($0.metric.rawValue):\($0.unit.text)*\($0.factor)" } == [
            "ns/op=time:ns/op*1.0", "B/op=bytes:B/op*1.0", "allocs/op=allocs:allocs/op*1.0", "MB/s=throughput:B/s*1000000.0",
        ])
        let file = try ResultsFile.decode(anyFormat: Array("BenchmarkA 10 7 ns/op 8 B/op 9 allocs/op 2.5 MB/s\n".utf8), path: "go.txt")
        let metrics = try #require(file["A"]).metrics
        for go in GoBenchfmt.goUnits {
            let metric = try #require(metrics[go.metric.rawValue], "\(go.text)")
            #expect(metric.unit == go.unit && (go.metric.properties.unit.map { $0 == go.unit } ?? true))
            #expect(metric.exact == go.metric.properties.exact && metric.better == go.metric.properties.better)
        }
        #expect(metrics.mapValues(\.samples) == ["time": [7], "bytes": [8], "allocs": [9], "throughput": [2.5e6]])
        #expect(GoBenchfmt.write(file).contains("BenchmarkA\t10\t7 ns/op\t9 allocs/op\t8 B/op\t2.5 MB/s\n"))
    }
}
