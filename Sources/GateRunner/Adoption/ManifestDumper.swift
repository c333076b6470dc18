import CLISupport
import Foundation
import GateCore

/// Reads manifests the way SwiftPM does, with `swift package dump-package`, on copies in a
/// temporary folder: the package's own folder and `.build` are never touched (and never
/// locked: under `swift package memgate init` SwiftPM holds `.build`'s lock), and nothing
/// is resolved or fetched.
///
///     let dumper = ManifestDumper(launcher: launcher, folder: temporary)
///     let before = try dumper.dump(manifest, as: "original")
///     let after = try dumper.dump(edit.edited, as: "edited")   // a sibling: relative paths resolve alike
package struct ManifestDumper {
    /// Why SwiftPM could not read a manifest.
    package struct Failure: Error, CustomStringConvertible {
        /// The end of `swift package dump-package`'s output.
        package var log: String
        /// The first line of the log that says `error:`, else its last line.
        package var firstError: String {
            let lines = log.split(separator: "\n").map(String.init)
            return (lines.first { $0.contains("error:") } ?? lines.last ?? "no output").trimmingCharacters(in: .whitespaces)
        }
        package var description: String { "swift package dump-package failed:\n\(log)" }
    }

    /// How `swift package` is started.
    package var launcher: Launcher
    /// The temporary folder the copies go into (created if missing; the caller removes it).
    package var folder: String

    /// A dumper starting `swift` through `launcher`, with copies under `folder`.
    package init(launcher: Launcher, folder: String) {
        self.launcher = launcher
        self.folder = folder
    }

    /// SwiftPM's JSON reading of `manifest`, written as `folder/name/Package.swift`.
    ///
    /// - Throws: `Failure` when SwiftPM cannot read it (a manifest that does not compile);
    ///   `CommandError` when the copy cannot be written; the launcher's errors.
    package func dump(_ manifest: String, as name: String) throws -> Data {
        let package = "\(folder)/\(name)"
        do {
            try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: "\(package)/Package.swift"))
        } catch {
            throw CommandError("\(package): cannot write a copy of the manifest: \(error.localizedDescription)")
        }
        let outcome = try launcher.run("swift", ["package", "--package-path", package, "dump-package"])
        guard outcome.succeeded else { throw Failure(log: (outcome.errorOutput + outcome.output).lastLines(20)) }
        return Data(outcome.output.utf8)
    }
}
