import BenchResults
import Foundation

/// The executable targets `swift package describe` found, kept in the build folder between
/// runs so that a run whose manifest has not changed starts no `swift package describe`
/// (0.16-0.35 s of a warm run, docs/performance.md).
///
/// The key is a hash of the package's manifests (`Package.swift` and every
/// `Package@swift-*.swift`, names and bytes) and of the `swift` found on PATH (its resolved
/// path, inode, size and modification time): an edited manifest or another toolchain misses.
/// What the key cannot see is a manifest that reads the environment to declare different
/// targets; then a stale entry can only leave out or add an executable, whose benchmarks the
/// gate reports as missing (a failure) or new, never silently passing.
///
/// A cache file that is missing, unreadable or for another key is a miss; one that cannot be
/// written is left unwritten. Neither is an error: the cache only saves time.
package struct DescribeCache {
    /// The cache file: `memgate-describe.json` in the build folder.
    package var file: String
    /// The key of the package's current manifests and toolchain; `nil` when a manifest cannot be read.
    package var key: String?

    /// The cache of the package at `packagePath` whose build folder is `scratchPath`
    /// (default `.build` in the package); `swiftPath` is the `swift` the describe would run.
    package init(packagePath: String, scratchPath: String?, swiftPath: String? = DescribeCache.swiftOnPath()) {
        file = (scratchPath ?? packagePath + "/.build") + "/memgate-describe.json"
        key = Self.key(packagePath: packagePath, swiftPath: swiftPath)
    }

    /// The targets stored under the current key, if any.
    package func read() -> [BenchmarkPackage.ExecutableTarget]? {
        guard let key, let bytes = try? InputFile.read(file), let root = try? StrictJSON.parse(bytes),
              root["format"]?.stringValue == Self.format, root["key"]?.stringValue == key,
              let targets = root["targets"]?.arrayValue else { return nil }
        let read = targets.compactMap { target -> BenchmarkPackage.ExecutableTarget? in
            guard let name = target["name"]?.stringValue, case .bool(let usesBenchKit)? = target["usesBenchKit"] else { return nil }
            return BenchmarkPackage.ExecutableTarget(name: name, usesBenchKit: usesBenchKit)
        }
        return read.count == targets.count ? read : nil
    }

    /// Stores `targets` under the current key (atomically; nothing when it cannot).
    package func write(_ targets: [BenchmarkPackage.ExecutableTarget]) {
        guard let key else { return }
        let document = JSONValue.object([
            ("format", .string(Self.format)), ("key", .string(key)),
            ("targets", .array(targets.map { .object([("name", .string($0.name)), ("usesBenchKit", .bool($0.usesBenchKit))]) })),
        ])
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? AtomicFile.write(Array((document.written(.compact) + "\n").utf8), to: file)
    }

    /// The `format` field of the cache file.
    static let format = "memgate-describe-cache-1"

    /// The hash of the manifests' names and bytes and of `swiftPath`'s identity; `nil` when
    /// the folder or a manifest cannot be read.
    static func key(packagePath: String, swiftPath: String?) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: packagePath) else { return nil }
        var hash = FNV1a()
        for name in names.sorted() where name == "Package.swift" || (name.hasPrefix("Package@swift-") && name.hasSuffix(".swift")) {
            guard let bytes = try? InputFile.read(packagePath + "/" + name) else { return nil }
            hash.add(name.utf8 + [0])
            hash.add(bytes)
            hash.add([0])
        }
        hash.add((swiftPath.flatMap(identity) ?? "no swift").utf8)
        return hash.hexDigits
    }

    /// `path` resolved, with its inode, size and modification time.
    private static func identity(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return nil }
        let resolvedPath = String(decoding: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)), as: UTF8.self)
        return "\(resolvedPath) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The first executable `swift` on PATH, as a shell would run it.
    package static func swiftOnPath(_ path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(folder) + "/swift"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
