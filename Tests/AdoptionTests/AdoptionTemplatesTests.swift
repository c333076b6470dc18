import GateCore
import Testing
@testable import Adoption

/// The files `memgate init` writes, checked against what reads them.
@Suite struct AdoptionTemplatesTests {
    /// The file `memgate init` writes says exactly what the built-in defaults do.
    @Test func initsConfigIsTheBuiltInDefaults() throws {
        let layout = try AdoptionLayout(package: InitPlanTests.foo, source: InitPlanTests.source, library: .first)
        let text = AdoptionTemplates.configuration(layout, noisy: GateDefaults.noisyJSON)
        let config = try GateConfig(json: Array(text.utf8), path: "memgate.json")
        #expect(config.noisy == GateDefaults.noisy && config.noisyByMetric == GateDefaults.noisyByMetric)
        #expect(GateDefaults.noisy == .report && GateDefaults.noisyByMetric == ["peakRSS": .gate])
    }
}
