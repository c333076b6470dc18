import BenchResults
import Testing
import TestSupport
@testable import GateCore

@Suite struct ResultsMergeTests {
    let a = Fixture.file([Fixture.benchmark("a/1", [:]), Fixture.benchmark("a/2", [:])])
    let b = Fixture.file([Fixture.benchmark("b/1", [:], status: .crashed, message: "signal 11")])

    @Test func keepsOrderStatusAndTheFirstEnvironment() throws {
        var other = b
        other.environment.cores = 64
        let merge = try ResultsMerge(files: [("a.json", a), ("b.json", other)])
        #expect(merge.merged.benchmarks.map(\.name) == ["a/1", "a/2", "b/1"])
        #expect(merge.merged.benchmarks[2].status == .crashed)
        #expect(merge.merged.environment == a.environment)
        #expect(merge.otherEnvironments.map(\.label) == ["b.json"])
        #expect(merge.otherEnvironments.first?.fields == ["cores"])
    }

    @Test func sameEnvironmentGivesNoNote() throws {
        #expect(try ResultsMerge(files: [("a.json", a), ("b.json", b)]).otherEnvironments.isEmpty)
        #expect(try ResultsMerge(files: [("a.json", a)]).merged == a)
    }

    @Test func duplicateNameNamesBothFiles() {
        #expect(throws: ResultsMerge.DuplicateName(name: "a/2", first: "a.json", second: "c.json")) {
            try ResultsMerge(files: [("a.json", a), ("b.json", b), ("c.json", Fixture.file([Fixture.benchmark("a/2", [:])]))])
        }
    }
}
