/// Builds benchmark executables with `swift build -c release`.
package struct BenchmarkBuild {
    /// A failed build, with the end of its log.
    package struct Failure: Error, CustomStringConvertible {
        package var product: String
        package var logTail: String
        package var description: String { "building \(product) failed (swift build -c release):\n\(logTail)" }
    }

    /// The package folder.
    package var packagePath: String
    /// The build folder; nil for the package's default `.build`.
    package var scratchPath: String?
    /// The code layout to build with.
    package var layout: CodeLayout = .compilerDefault
    /// How `swift build` is started (its gate, and environment overrides such as a `TMPDIR`).
    package var launcher: Launcher
    /// The `swift` to run: a name looked up on PATH, or a path (tests use a stand-in).
    package var swift = "swift"

    /// A builder for the package at `packagePath`.
    package init(
        packagePath: String, scratchPath: String? = nil, layout: CodeLayout = .compilerDefault, launcher: Launcher
    ) {
        self.packagePath = packagePath
        self.scratchPath = scratchPath
        self.layout = layout
        self.launcher = launcher
    }

    /// Builds `product` in release and returns the path of its executable.
    ///
    /// A build that fails because its plan names source files the packages no longer have, or
    /// lacks one they added (`StalePlan`), is run once more without that plan.
    package func build(product: String) throws -> String {
        var arguments = ["build", "-c", "release", "--product", product, "--package-path", packagePath]
        if let scratchPath { arguments += ["--scratch-path", scratchPath] }
        arguments += layout.buildArguments
        var outcome = try launcher.run(swift, arguments)
        if !outcome.succeeded
            && (StalePlan.isReported(in: outcome.output + outcome.errorOutput) || StalePlan.missesSources(buildFolder: buildFolder)) {
            StalePlan.remove(buildFolder: buildFolder)
            outcome = try launcher.run(swift, arguments)
        }
        guard outcome.succeeded else {
            throw Failure(product: product, logTail: (outcome.output + outcome.errorOutput).lastLines(30))
        }
        return try binaryDirectory() + "/" + product
    }

    /// The build folder `swift build` is given, or the package's default `.build`.
    var buildFolder: String { scratchPath ?? packagePath + "/.build" }

    /// The release products directory: where the build folder's `release` link points (SwiftPM
    /// makes that link in every build folder it builds in release), else what `swift build
    /// --show-bin-path` says, which costs a further start of SwiftPM (about 0.2 s).
    package func binaryDirectory() throws -> String {
        if let linked = Self.linkedBinaryDirectory(buildFolder: buildFolder) { return linked }
        var arguments = ["build", "-c", "release", "--show-bin-path", "--package-path", packagePath]
        if let scratchPath { arguments += ["--scratch-path", scratchPath] }
        arguments += layout.buildArguments
        let outcome = try launcher.run(swift, arguments)
        guard outcome.succeeded else { throw Failure(product: "(bin path)", logTail: outcome.errorOutput.lastLines(10)) }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The absolute folder the `release` link of `buildFolder` (relative to our working
    /// directory, as `swift build` reads it) points to; nil without such a link.
    static func linkedBinaryDirectory(buildFolder: String) -> String? {
        let folder = URL(fileURLWithPath: buildFolder, isDirectory: true)
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("release").path)
        else { return nil }
        return URL(fileURLWithPath: target, isDirectory: true, relativeTo: folder).standardizedFileURL.path
    }
}

import Foundation
import GateCore
