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
    package func build(product: String) throws -> String {
        var arguments = ["build", "-c", "release", "--product", product, "--package-path", packagePath]
        if let scratchPath { arguments += ["--scratch-path", scratchPath] }
        arguments += layout.buildArguments
        let outcome = try launcher.run("swift", arguments)
        guard outcome.succeeded else {
            throw Failure(product: product, logTail: (outcome.output + outcome.errorOutput).lastLines(30))
        }
        return try binaryDirectory() + "/" + product
    }

    /// The release products directory (`swift build --show-bin-path`).
    package func binaryDirectory() throws -> String {
        var arguments = ["build", "-c", "release", "--show-bin-path", "--package-path", packagePath]
        if let scratchPath { arguments += ["--scratch-path", scratchPath] }
        arguments += layout.buildArguments
        let outcome = try launcher.run("swift", arguments)
        guard outcome.succeeded else { throw Failure(product: "(bin path)", logTail: outcome.errorOutput.lastLines(10)) }
        return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
import GateCore
