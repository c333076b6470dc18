import BaseSystem
import Foundation
import Testing
import TestSupport

extension TinyBenchPackageTests {
    /// `memgate init` on a package fresh from `swift package init --type library`, then the
    /// package's own `swift run -c release memgate run --update` and `memgate run` (memgate is
    /// its dependency now), then a second `memgate init` that changes nothing. Both `swift run`
    /// and memgate build in TinyBench's shared build folder (`--scratch-path`, the one flag
    /// added to the README's commands), so BenchKit's release build is TinyBench's; memgate's
    /// own release build in it takes about half a minute on 2 cores.
    @Suite(.serialized, .sharesTheMachine, .enabled(if: TinyBenchFixture.isWanted, "unset MEMGATE_SKIP_SLOW_TESTS to run"))
    struct InitEndToEndTests {
        private let memgatePath = TinyBenchFixture.repositoryRoot.path

        @Test func initThenRecordThenGatePassesAndASecondInitChangesNothing() throws {
            let directory = try TemporaryDirectory()
            let package = try InitFixture.library("Gauge", in: directory)
            let setUp = try MemGateProcess.run(["init", "--memgate-path", memgatePath], in: package)
            #expect(setUp.code == 0, "\(setUp.stdout)\(setUp.stderr)")
            #expect(setUp.stdout.contains("edited        Package.swift: added the memgate dependency"), "\(setUp.stdout)")
            for file in ["Benchmarks/GaugeBenchmarks/GaugeBenchmarks.swift", "baselines/memgate.json", ".github/workflows/memgate.yml"] {
                #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent(file).path), "\(file)")
            }

            let record = try InitFixture.swiftRun("memgate", "run", ["--update"], in: package)
            #expect(record.code == 0, "\(record.output)")
            #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent("baselines/baseline.json").path))
            #expect(record.output.contains("1 added"), "\(record.output)")
            // The generated config as it is: exact metrics and peak RSS gated.
            let gate = try InitFixture.swiftRun("memgate", "run", in: package)
            #expect(gate.code == 0, "\(gate.output)")
            #expect(gate.output.contains("PASS"), "\(gate.output)")

            let before = try InitFixture.snapshot(package)
            let again = try MemGateProcess.run(["init", "--memgate-path", memgatePath], in: package)
            #expect(again.code == 0, "\(again.stderr)")
            #expect(again.stdout.hasPrefix("memgate init: memgate is already set up here: nothing to do\n"), "\(again.stdout)")
            #expect(again.stdout.contains("left alone    Package.swift: it depends on memgate"), "\(again.stdout)")
            #expect(try InitFixture.snapshot(package) == before)
        }

        @Test func dryRunOnAFreshPackageWritesNothing() throws {
            let directory = try TemporaryDirectory()
            let package = try InitFixture.library("Dial", in: directory)
            let before = try InitFixture.snapshot(package)
            let dryRun = try MemGateProcess.run(["init", "--dry-run", "--memgate-path", memgatePath], in: package)
            #expect(dryRun.code == 0, "\(dryRun.stderr)")
            #expect(dryRun.stdout.contains("would create  Benchmarks/DialBenchmarks/DialBenchmarks.swift"), "\(dryRun.stdout)")
            #expect(dryRun.stdout.contains("      +            path: \"Benchmarks/DialBenchmarks\"\n"), "\(dryRun.stdout)")
            #expect(try InitFixture.snapshot(package) == before)
        }
    }
}

/// Packages for `memgate init` tests, and what is in them.
enum InitFixture {
    /// `swift package init --type library --name NAME` in a folder NAME of `directory`.
    static func library(_ name: String, in directory: TemporaryDirectory) throws -> URL {
        let package = directory.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        let made = try run("swift", ["package", "init", "--type", "library", "--name", name], in: package)
        precondition(made.code == 0, "swift package init failed: \(made.output)")
        return package
    }

    /// `swift run -c release PRODUCT COMMAND ARGUMENTS` in `package`, `swift run` and the
    /// product's build of benchmarks both in TinyBench's shared build folder, with git isolated
    /// from the user's config.
    static func swiftRun(
        _ product: String, _ command: String, _ arguments: [String] = [], in package: URL
    ) throws -> (code: Int32, output: String) {
        let scratch = ["--scratch-path", TinyBenchFixture.sharedScratchPath]
        return try run("swift", ["run", "-c", "release"] + scratch + [product, command] + scratch + arguments, in: package)
    }

    /// Runs `executable` in `directory` and returns its status and output (standard error after standard output).
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (code: Int32, output: String) {
        let environment = ProcessInfo.processInfo.environment.merging(GitIsolation.environment) { $1 }
        let child = ChildProcess(executable: executable, arguments: arguments, directory: directory.path, environment: environment,
                                 input: .discarded, output: .captured, error: .captured)
        let finished = try child.start().finish()
        return (finished.termination.shellStatus, String(decoding: finished.output + finished.error, as: UTF8.self))
    }

    /// Every file of `package` (outside `.build` and `.memgate`) and its bytes.
    static func snapshot(_ package: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = package.path
        guard let walk = FileManager.default.enumerator(atPath: root) else { return files }
        while let relative = walk.nextObject() as? String {
            if relative == ".build" || relative == ".memgate" {
                walk.skipDescendants()
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(relative)", isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(relative)"))
            }
        }
        return files
    }
}
