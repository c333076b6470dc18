import BaseSystem
import Foundation
import Testing

extension TinyBenchPackageTests {
    /// `swift package memgate ...` (the command plugin) on TinyBench: the same output and,
    /// for a pass and for a regression, the same exit code as the executable. The plugin builds
    /// memgate in release in its own folder, `.build/memgate-plugin`, where the benchmarks build
    /// too (so BenchKit's modules compile once), and SwiftPM builds no debug memgate in `.build`;
    /// the executable's runs reuse that folder, and the suite shares no build folder with another.
    /// A run with memgate's sources and `swift` as the last build recorded them does not build it.
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct PluginEndToEndTests {
        private let gateArguments = ["--noisy", "report", "--samples", "3", "--sample-time", "2ms"]

        private func plugin(_ package: TinyBenchFixture, _ arguments: [String]) throws -> (code: Int32, output: String) {
            let child = ChildProcess(
                executable: "swift", arguments: ["package", "--allow-writing-to-package-directory", "memgate"] + arguments,
                directory: package.path, input: .discarded, output: .captured, error: .captured)
            let finished = try child.start().finish()
            return (finished.termination.shellStatus, String(decoding: finished.output + finished.error, as: UTF8.self))
        }

        @Test func pluginRunPassesAndFailsLikeTheExecutable() throws {
            let package = try TinyBenchFixture()
            let record = try plugin(package, ["run", "--update"] + gateArguments)
            #expect(record.code == 0, "\(record.output)")
            #expect(record.output.contains("2 added"), "\(record.output)")
            // The plugin builds in a folder of its own: SwiftPM holds .build's lock meanwhile.
            let pluginFolder = package.directory.file(".build/memgate-plugin")
            #expect(FileManager.default.isExecutableFile(atPath: pluginFolder + "/release/memgate"))
            for debugTool in [".build/debug/memgate", ".build/debug/memgate-tool"] {
                #expect(!FileManager.default.fileExists(atPath: package.directory.file(debugTool)), "\(debugTool)")
            }

            let pass = try plugin(package, ["run"] + gateArguments)
            let executable = ["run", "--scratch-path", pluginFolder] + gateArguments
            let direct = try MemGateProcess.run(executable, in: package.directory.url, timeout: 900)
            #expect(pass.code == 0 && direct.code == 0, "\(pass.output)\n\(direct.stderr)")
            #expect(pass.output.contains("PASS: 8 ok"), "\(pass.output)")
            // memgate unchanged since the first run's build (its stamp says so): not built again.
            #expect(record.output.contains("Build of product 'MemGatePluginModules'"), "\(record.output)")
            #expect(record.output.contains("Build of product 'memgate'"), "\(record.output)")
            #expect(!pass.output.contains("Build of product 'memgate'"), "\(pass.output)")

            // A stamp that differs, as after an edit of memgate's sources or another swift: built again.
            try "changed\n".write(toFile: pluginFolder + "/memgate-plugin-stamp", atomically: true, encoding: .utf8)
            try package.edit("static let blocksPerOp = 2", "static let blocksPerOp = 3")
            let regressed = try plugin(package, ["run"] + gateArguments)
            #expect(regressed.output.contains("Build of product 'memgate'"), "\(regressed.output)")
            let directRegressed = try MemGateProcess.run(executable, in: package.directory.url, timeout: 900)
            #expect(regressed.code == 1 && directRegressed.code == 1, "\(regressed.output)")
            #expect(regressed.output.contains("REGRESSED"), "\(regressed.output)")
        }
    }
}
