import Testing
@testable import GateRunner

/// `BenchmarkPackage.executableTargets(describeJSON:)` reads `swift package describe --type
/// json` through `StrictJSON.parse`.
@Suite struct BenchmarkPackageDescribeTests {
    @Test func executablesAndWhetherTheyUseBenchKit() throws {
        let describe = #"""
            {"name": "P", "targets": [
              {"name": "Zed", "type": "executable", "product_dependencies": ["BenchKit"]},
              {"name": "Lib", "type": "library", "target_dependencies": ["BenchKit"]},
              {"name": "Tool", "type": "executable", "target_dependencies": ["Lib"]},
              {"name": "Alpha", "type": "executable", "target_dependencies": ["BenchKit", 3]}
            ]}
            """#
        let targets = try BenchmarkPackage.executableTargets(describeJSON: Array(describe.utf8))
        #expect(targets == [.init(name: "Alpha", usesBenchKit: true), .init(name: "Tool", usesBenchKit: false),
                            .init(name: "Zed", usesBenchKit: true)])
    }

    @Test func anythingElseIsRefused() {
        for text in ["", "warning: x\n{}", #"{"targets": 1}"#, #"{"targets": [1]}"#, #"{"targets": [], "targets": []}"#] {
            #expect(throws: BenchmarkPackage.Problem.self) { try BenchmarkPackage.executableTargets(describeJSON: Array(text.utf8)) }
        }
    }
}
