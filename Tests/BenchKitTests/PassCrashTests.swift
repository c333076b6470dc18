import BenchResults
import Testing

/// A crash in a pass that follows the kept samples (reference counting, allocation sites)
/// is reported like any crash and loses none of the samples measured before it.
@Suite struct PassCrashTests {
    @Test(arguments: [
        ("passes/crash-in-site-pass", "allocation-site pass"),
        ("passes/crash-in-arc-pass", "reference-counting pass"),
        ("passes/crash-in-retain-site-pass", "retain-site pass"),
    ])
    func crashInAPassKeepsTheSamples(name: String, pass: String) throws {
        let run = try FixtureRun.run(["--filter", "^\(name)$"])
        #expect(run.exitStatus == 1)
        let result = try #require(run.results?[name])
        #expect(result.status == .crashed)
        let message = result.message ?? ""
        #expect(message.hasPrefix("killed by SIGSEGV"), "\(message)")
        #expect(message.hasSuffix(" during the \(pass); the samples measured before it are kept"), "\(message)")
        // The fixture's three samples of one iteration each, one Swift object (g) per op.
        #expect(result.iterations == [1, 1, 1])
        #expect(result.metrics["allocs"]?.samples == [1, 1, 1])
        #expect(result.allocationSites == nil)
        // The reference-counting counts are kept once that pass finished (before the retain-site pass).
        #expect((result.metrics["retains"] != nil) == (pass == "retain-site pass"), "\(result.metrics.keys.sorted())")
    }

    /// A crash after the loop, once every pass ended, is a plain crash: no pass is named
    /// and nothing measured is claimed kept.
    @Test func aCrashAfterThePassesNamesNoPass() throws {
        let run = try FixtureRun.run(["--filter", "^passes/crash-after-loop$"])
        #expect(run.exitStatus == 1)
        let result = try #require(run.results?["passes/crash-after-loop"])
        #expect(result.status == .crashed)
        #expect(result.message?.hasPrefix("killed by SIGSEGV") == true && result.message?.contains("during") == false,
                "\(result.message ?? "")")
        #expect(result.iterations.isEmpty && result.metrics.isEmpty)
    }
}
