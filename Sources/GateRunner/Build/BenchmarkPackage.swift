import BenchResults
import CLISupport
import Foundation
import GateCore

/// A Swift package's benchmark executables: executable targets that depend on BenchKit,
/// or the ones `baselines/memgate.json` lists under `executables`.
package struct BenchmarkPackage {
    /// Why the package's benchmarks cannot be found.
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The package's root directory.
    package var path: String
    /// The executables to build and run, in order.
    package var executables: [String]

    /// Finds the benchmark executables of the package at `path`.
    ///
    /// - Parameter listed: names from the configuration; when non-empty they are used as
    ///   given (each must be an executable target of the package).
    /// `launcher` starts `swift package describe`, with `scratchPath` as its build folder
    /// when given (SwiftPM locks the build folder: a command plugin holds `.build`'s), unless
    /// the build folder's `DescribeCache` has the answer for the current manifests.
    package static func discover(
        at path: String, listed: [String], launcher: Launcher, scratchPath: String? = nil
    ) throws -> BenchmarkPackage {
        guard FileManager.default.fileExists(atPath: "\(path)/Package.swift") else {
            throw Problem(description: "\(path): no Package.swift here; run memgate in a Swift package (or pass --package-path)")
        }
        let cache = DescribeCache(packagePath: path, scratchPath: scratchPath)
        let executables: [ExecutableTarget]
        if let cached = cache.read() {
            executables = cached
        } else {
            let scratch = scratchPath.map { ["--scratch-path", $0] } ?? []
            let describe = try launcher.run("swift", ["package", "--package-path", path] + scratch + ["describe", "--type", "json"])
            guard describe.succeeded else {
                throw Problem(description: "`swift package describe` failed in \(path):\n\(describe.errorOutput.lastLines(20))")
            }
            executables = try executableTargets(describeJSON: Array(describe.output.utf8))
            cache.write(executables)
        }
        if !listed.isEmpty {
            let names = executables.map(\.name)
            if let unknown = listed.first(where: { !names.contains($0) }) {
                let hint = suggestion(for: unknown, among: names).map { "did you mean '\($0)'? " } ?? ""
                let known = names.isEmpty ? "it has none" : "it has " + names.joined(separator: ", ")
                throw Problem(description: "no executable target named '\(unknown)' in \(path) (from --executable or \"executables\" in "
                    + "baselines/memgate.json): \(hint)\(known)")
            }
            return BenchmarkPackage(path: path, executables: listed)
        }
        let found = executables.filter(\.usesBenchKit).map(\.name)
        guard !found.isEmpty else {
            throw Problem(description: "no benchmark executable found in \(path): add an executable target that depends on BenchKit (see "
                + "README), or list it under \"executables\" in baselines/memgate.json")
        }
        return BenchmarkPackage(path: path, executables: found)
    }

    /// An executable target and whether it depends on BenchKit.
    package struct ExecutableTarget: Equatable {
        package var name: String
        package var usesBenchKit: Bool
    }

    /// The executable targets in `swift package describe --type json` output, read by
    /// `StrictJSON.parse`. Pure.
    package static func executableTargets(describeJSON: [UInt8]) throws -> [ExecutableTarget] {
        guard let root = try? StrictJSON.parse(describeJSON), let targets = root["targets"]?.arrayValue,
              targets.allSatisfy({ $0.members != nil }) else {
            throw Problem(description: "unexpected output from `swift package describe --type json`")
        }
        return targets.compactMap { target in
            guard target["type"]?.stringValue == "executable", let name = target["name"]?.stringValue else { return nil }
            let dependencies = [target["target_dependencies"], target["product_dependencies"]].flatMap { list in
                list?.arrayValue?.compactMap(\.stringValue) ?? []
            }
            return ExecutableTarget(name: name, usesBenchKit: dependencies.contains("BenchKit"))
        }.sorted { $0.name < $1.name }
    }
}
