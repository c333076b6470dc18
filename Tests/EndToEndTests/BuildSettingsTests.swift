import Foundation
import Testing
import TestSupport

/// The manifest's build settings, read from `swift package dump-package`. Modules whose speed
/// does not matter build without optimization in release (`-Onone`, an unsafe flag), some of
/// them linked by benchmark executables; what a benchmark's measurement runs through keeps
/// `-O`. SwiftPM accepts unsafe flags in a versioned dependency only when its manifest's tools
/// version is 6.2 or later, which `aVersionedDependencyMayUseBenchKit` checks as a user's package meets it.
@Suite struct BuildSettingsTests {
    /// The manifest as JSON (`targets`, `products`). SwiftPM runs with a scratch path of its
    /// own: `.build` is locked by the `swift test` running this.
    static func manifest() throws -> [String: Any] {
        let scratch = try TemporaryDirectory()
        let dump = try MemGateProcess.run(
            ["swift", "package", "--scratch-path", scratch.path, "dump-package"], in: TinyBenchFixture.repositoryRoot,
            timeout: 300, program: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(dump.code == 0, "\(dump.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    }

    /// Each target's name, the names of the targets it depends on, and its unsafe flags.
    static func targets(of manifest: [String: Any]) -> [String: (dependencies: [String], unsafeFlags: [String])] {
        var result: [String: (dependencies: [String], unsafeFlags: [String])] = [:]
        for target in manifest["targets"] as? [[String: Any]] ?? [] {
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency in
                (dependency["byName"] ?? dependency["target"]).flatMap { ($0 as? [Any])?.first as? String }
            }
            let flags = (target["settings"] as? [[String: Any]] ?? []).flatMap { setting in
                ((setting["kind"] as? [String: Any])?["unsafeFlags"] as? [String: Any])?["_0"] as? [String] ?? []
            }
            result[target["name"] as! String] = (dependencies, flags)
        }
        return result
    }

    /// `target` and every target it depends on, directly or not.
    static func closure(of target: String, in targets: [String: (dependencies: [String], unsafeFlags: [String])]) -> Set<String> {
        var closure: Set<String> = [], pending = [target]
        while let name = pending.popLast() {
            guard closure.insert(name).inserted else { continue }
            pending += targets[name]?.dependencies ?? []
        }
        return closure
    }

    /// Everything a benchmark's measured loop and its passes run through is optimized: the
    /// loop, the probes and the counters (BenchKit, CAllocCounter, CSystemShims), the samples'
    /// summaries, the symbol reader, and the results file's parser and encoder. The only unsafe
    /// flag anywhere is `-Onone` in release.
    @Test func whatAMeasurementRunsThroughIsOptimized() throws {
        let targets = Self.targets(of: try Self.manifest())
        let closure = Self.closure(of: "BenchKit", in: targets)
        let optimized: Set = [
            "BenchKit", "CAllocCounter", "CSystemShims", "DescriptiveStatistics", "AddressSymbols", "BenchResults", "WholeWrites",
        ]
        #expect(closure.isSuperset(of: optimized))
        for name in optimized.sorted() {
            #expect(targets[name]?.unsafeFlags == [], "\(name) has unsafe flags \(targets[name]?.unsafeFlags ?? [])")
        }
        for (name, target) in targets where !target.unsafeFlags.isEmpty {
            #expect(target.unsafeFlags == ["-Onone"], "\(name) has unsafe flags \(target.unsafeFlags)")
        }
    }

    /// A package that depends on memgate by version, as users do, may use BenchKit and the
    /// plugin although some of their modules carry `-Onone`: SwiftPM 6.2 and later accept unsafe
    /// flags in a dependency whose manifest has tools version 6.2 or later, and refuse them below
    /// (the control: the same copy with tools version 6.0). `swift package show-dependencies`
    /// loads the package graph, where SwiftPM checks, without building anything.
    @Test func aVersionedDependencyMayUseBenchKit() throws {
        let folder = try TemporaryDirectory()
        let copy = folder.url.appendingPathComponent("memgate")
        let manager = FileManager.default
        for item in ["Package.swift", "Sources", "Plugins", "Tests/FixtureBenchmarks", "Tests/TestSupport"] {
            let target = copy.appendingPathComponent(item)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: TinyBenchFixture.repositoryRoot.appendingPathComponent(item), to: target)
        }
        func git(_ arguments: [String]) throws {
            let outcome = try MemGateProcess.run(
                ["git", "-c", "user.name=memgate", "-c", "user.email=memgate@example.invalid"] + arguments, in: copy,
                program: URL(fileURLWithPath: "/usr/bin/env"))
            try #require(outcome.code == 0, "git \(arguments): \(outcome.stderr)")
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-qm", "memgate as released"])
        try git(["tag", "1.0.0"])
        let manifest = try String(contentsOf: copy.appendingPathComponent("Package.swift"), encoding: .utf8)
        let firstLine = try #require(manifest.split(separator: "\n").first)
        #expect(firstLine == "// swift-tools-version:6.2", "the unsafe flags need tools version 6.2 or later")
        try (manifest.replacingOccurrences(of: String(firstLine), with: "// swift-tools-version:6.0"))
            .write(to: copy.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try git(["commit", "-qam", "tools version 6.0"])
        try git(["tag", "1.0.1"])

        func dependencies(onVersion version: String) throws -> MemGateProcess.Outcome {
            let user = try TemporaryDirectory()
            try user.write("Package.swift", """
                // swift-tools-version:6.0
                import PackageDescription

                let package = Package(
                    name: "UserBenchmarks",
                    dependencies: [.package(url: "\(copy.absoluteString)", exact: "\(version)")],
                    targets: [.executableTarget(name: "UserBenchmarks", dependencies: [.product(name: "BenchKit", package: "memgate")])]
                )
                """)
            try user.write("Sources/UserBenchmarks/main.swift", "import BenchKit\n")
            return try MemGateProcess.run(
                ["swift", "package", "show-dependencies"], in: user.url, timeout: 300, program: URL(fileURLWithPath: "/usr/bin/env"))
        }
        let released = try dependencies(onVersion: "1.0.0")
        #expect(released.code == 0 && !released.stderr.contains("unsafe"), "\(released.stderr)")
        let older = try dependencies(onVersion: "1.0.1")
        #expect(older.code != 0 && older.stderr.contains("contains unsafe build flags"), "\(older.code): \(older.stderr)")
    }

    /// memgate must never link the allocation interposer, which would replace malloc in the gate.
    @Test func memgateNeverLinksTheInterposer() throws {
        let closure = Self.closure(of: "memgate", in: Self.targets(of: try Self.manifest()))
        #expect(closure.contains("MemGateCLI"))
        #expect(!closure.contains("CAllocCounter") && !closure.contains("BenchKit"), "\(closure.sorted())")
    }

    /// SwiftPM's build engine starts, of the modules ready to compile, the one whose name sorts
    /// last first (Package.swift, the build order). ResultsModel and then BenchResults head the
    /// longest chain of a clean build, so of the Swift modules that can be ready when either is
    /// (all they depend on is C targets or what it depends on), at most one may sort after it:
    /// on 2 cores, it then still starts at once. And memgate's product compiles AddressSymbols
    /// for the benchmarks' build that follows.
    @Test func theResultsModulesStartFirstInACleanBuild() throws {
        let manifest = try Self.manifest()
        let targets = Self.targets(of: manifest)
        let types = Dictionary(uniqueKeysWithValues: (manifest["targets"] as? [[String: Any]] ?? []).map {
            ($0["name"] as! String, $0["type"] as? String ?? "")
        })
        let root = TinyBenchFixture.repositoryRoot
        let cTargets = Set(targets.keys.filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/\($0)/include").path)
        })
        #expect(cTargets == ["CAllocCounter", "CSystemShims"])
        #expect(Self.closure(of: "ResultsModel", in: targets) == ["ResultsModel", "DescriptiveStatistics", "WholeWrites"])
        #expect(targets["BenchResults"]?.dependencies == ["ResultsModel"])
        for head in ["ResultsModel", "BenchResults"] {
            let before = Self.closure(of: head, in: targets).subtracting([head])
            let rivals = targets.filter { name, target in
                name != head && !before.contains(name) && !cTargets.contains(name) && types[name] == "regular"
                    && Set(target.dependencies).isSubset(of: before.union(cTargets))
            }.keys
            let sortingAfter = rivals.filter { "C.\($0)" > "C.\(head)" }.sorted()
            #expect(sortingAfter.count <= 1, "ready with \(head) and started before it: \(sortingAfter)")
        }
        let memgate = (manifest["products"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "memgate" }
        #expect((memgate?["targets"] as? [String])?.contains("AddressSymbols") == true)
    }

    /// The gate's modules and the cold ones benchmark executables link (arguments, tables, child
    /// processes, the results model) build without optimization in release.
    @Test func coldModulesBuildWithoutOptimization() throws {
        let targets = Self.targets(of: try Self.manifest())
        let gate = ["GateFormats", "GateCore", "Adoption", "HTMLReport", "GateRunner", "MemGateCLI", "memgate"]
        for name in gate + ["ResultsModel", "CLISupport", "BaseSystem", "ResultsView"] {
            #expect(targets[name]?.unsafeFlags == ["-Onone"], "\(name)")
        }
    }
}
