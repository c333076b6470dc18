import Foundation
@testable import GateRunner
import Testing
import TestSupport

/// `DescribeCache`: a run with unchanged manifests and toolchain starts no `swift package
/// describe`; any change to either misses; a damaged cache file is a miss, never an error.
@Suite struct DescribeCacheTests {
    private let targets: [BenchmarkPackage.ExecutableTarget] = [
        .init(name: "Benchmarks", usesBenchKit: true), .init(name: "Tool", usesBenchKit: false),
    ]

    /// A package folder with a manifest and two stand-ins for `swift` (files whose identity differs).
    private func package() throws -> (TemporaryDirectory, swift: String, otherSwift: String) {
        let directory = try TemporaryDirectory()
        _ = try directory.write("Package.swift", "// swift-tools-version:5.9\nimport PackageDescription\n")
        return (directory, try directory.write("bin/swift", "one"), try directory.write("other/swift", "another toolchain"))
    }

    @Test func storedTargetsAreReadBackUnderTheSameKey() throws {
        let (directory, swift, _) = try package()
        let cache = DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift)
        #expect(cache.file == directory.path + "/.build/memgate-describe.json")
        #expect(cache.read() == nil)
        cache.write(targets)
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).read() == targets)
        // Another build folder has its own file.
        #expect(DescribeCache(packagePath: directory.path, scratchPath: directory.file("scratch"), swiftPath: swift).read() == nil)
    }

    @Test func anEditedOrAddedManifestOrAnotherSwiftMisses() throws {
        let (directory, swift, otherSwift) = try package()
        DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).write(targets)
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: otherSwift).read() == nil)
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: nil).read() == nil)
        _ = try directory.write("Package@swift-6.0.swift", "// swift-tools-version:6.0\n")
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).read() == nil)
        try FileManager.default.removeItem(atPath: directory.file("Package@swift-6.0.swift"))
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).read() == targets)
        _ = try directory.write("Package.swift", "// swift-tools-version:5.9\nimport PackageDescription // edited\n")
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).read() == nil)
        // Other files of the package play no part.
        _ = try directory.write("README.md", "x")
        DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).write(targets)
        _ = try directory.write("README.md", "y")
        #expect(DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift).read() == targets)
    }

    @Test(arguments: ["", "{", #"{"format": "memgate-describe-cache-1", "key": 1, "targets": []}"#, #"{"targets": [{"name": "B"}]}"#])
    func aDamagedCacheIsAMiss(text: String) throws {
        let (directory, swift, _) = try package()
        let cache = DescribeCache(packagePath: directory.path, scratchPath: nil, swiftPath: swift)
        cache.write(targets)
        let stored = try #require(directory.read(".build/memgate-describe.json"))
        #expect(cache.read() == targets)
        _ = try directory.write(".build/memgate-describe.json", text)
        #expect(cache.read() == nil)
        // A target without its flag is a miss too, not a target dropped.
        _ = try directory.write(".build/memgate-describe.json", stored.replacingOccurrences(of: #","usesBenchKit":false"#, with: ""))
        #expect(cache.read() == nil)
    }

    /// With the cache filled, discovery starts no process: a launcher whose gate is closed
    /// would refuse one. A manifest edit makes it start `swift package describe` again.
    @Test func discoveryWithAHitStartsNoProcess() throws {
        let (directory, _, _) = try package()
        DescribeCache(packagePath: directory.path, scratchPath: nil).write(targets)
        let gate = LaunchGate()
        _ = gate.close()
        let closed = Launcher(gate: gate)
        let found = try BenchmarkPackage.discover(at: directory.path, listed: [], launcher: closed)
        #expect(found.executables == ["Benchmarks"])
        _ = try directory.write("Package.swift", "// swift-tools-version:5.9\n// edited\n")
        #expect(throws: LaunchGate.Closed.self) { try BenchmarkPackage.discover(at: directory.path, listed: [], launcher: closed) }
    }
}
