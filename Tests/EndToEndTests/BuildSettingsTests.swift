import Foundation
import Testing
import TestSupport

/// The manifest's build settings, read from `swift package dump-package`: unsafe flags
/// (the gate's modules at `-Onone` in release) must never reach the BenchKit product,
/// because SwiftPM refuses a versioned dependency whose product's targets carry them
/// ("the target 'BenchKit' in product 'BenchKit' contains unsafe build flags").
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

    @Test func benchKitAndEverythingItLinksHaveNoUnsafeFlags() throws {
        let targets = Self.targets(of: try Self.manifest())
        let closure = Self.closure(of: "BenchKit", in: targets)
        #expect(closure.isSuperset(of: ["BenchKit", "BenchResults", "CAllocCounter", "AddressSymbols"]))
        for name in closure.sorted() {
            #expect(targets[name]?.unsafeFlags == [], "\(name) has unsafe flags \(targets[name]?.unsafeFlags ?? [])")
        }
    }

    /// memgate must never link the allocation interposer, which would replace malloc in the gate.
    @Test func memgateNeverLinksTheInterposer() throws {
        let closure = Self.closure(of: "memgate", in: Self.targets(of: try Self.manifest()))
        #expect(closure.contains("MemGateCLI"))
        #expect(!closure.contains("CAllocCounter") && !closure.contains("BenchKit"), "\(closure.sorted())")
    }

    /// SwiftPM's build engine starts, of the modules ready to compile, the one whose name sorts
    /// last first (Package.swift, the build order). BenchResults heads the longest chain of a
    /// clean build, so of the Swift modules that can be ready when it is (all they depend on is
    /// C targets or what BenchResults depends on), at most one may sort after it: on 2 cores, it
    /// then still starts at once. And memgate's product compiles AddressSymbols for the
    /// benchmarks' build that follows.
    @Test func benchResultsStartsFirstInACleanBuild() throws {
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
        let before = Self.closure(of: "BenchResults", in: targets).subtracting(["BenchResults"])
        #expect(before == ["DescriptiveStatistics", "WholeWrites"], "BenchResults waits for \(before.sorted())")
        let rivals = targets.filter { name, target in
            name != "BenchResults" && !before.contains(name) && !cTargets.contains(name) && types[name] == "regular"
                && Set(target.dependencies).isSubset(of: before.union(cTargets))
        }.keys
        let sortingAfter = rivals.filter { "C.\($0)" > "C.BenchResults" }.sorted()
        #expect(sortingAfter.count <= 1, "ready with BenchResults and started before it: \(sortingAfter)")
        let memgate = (manifest["products"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "memgate" }
        #expect((memgate?["targets"] as? [String])?.contains("AddressSymbols") == true)
    }

    @Test func theGateModulesBuildWithoutOptimization() throws {
        let targets = Self.targets(of: try Self.manifest())
        for name in ["GateFormats", "GateCore", "Adoption", "HTMLReport", "GateRunner", "MemGateCLI", "memgate"] {
            #expect(targets[name]?.unsafeFlags == ["-Onone"], "\(name)")
        }
    }
}
