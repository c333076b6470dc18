import Testing
import TestSupport
@testable import MemGateCLI

/// Config notes that depend on what ran: `run` and `refs` with `--filter`, `--skip` or
/// `--executable` ran only some benchmarks, so an unmatched glob is expected there.
@Suite struct ConfigNoteTests {
    @Test func unmatchedGlobIsNotedOnlyWhenEveryBenchmarkRan() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("memgate.json", #"{"benchmarks": [{"match": "nothing/*", "thresholds": {"time": "20%"}}]}"#)
        var gate = try GateArguments(CheckCommand.spec.parse(["--config", config, "a.json", "b.json"]), mode: .check)
        let file = Fixture.file([Fixture.benchmark("json/encode", ["time": Fixture.time([1, 2])])])
        #expect(gate.unmatchedGlobNotes(file, file).count == 1)
        #expect(gate.unmatchedGlobNotes(file, file).first?.contains(#"benchmarks[0].match: "nothing/*" matches no benchmark"#) == true)
        gate.ranEveryBenchmark = false
        #expect(gate.unmatchedGlobNotes(file, file).isEmpty)
    }
}
