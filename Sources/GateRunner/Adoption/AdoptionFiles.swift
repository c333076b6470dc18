import Adoption
import BenchResults
import CLISupport
import Foundation
import GateCore

/// The file work of `memgate init`: what the package folder holds (`read`) and carrying out
/// an `AdoptionPlan` (`apply`). Paths in plans are relative to the package folder.
package enum AdoptionFiles {
    /// Package.swift's text in the package at `packagePath`.
    ///
    /// - Throws: `CommandError` when there is none (not a package) or it cannot be read.
    package static func manifest(in packagePath: String) throws -> String {
        let path = "\(packagePath)/\(AdoptionLayout.manifestPath)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("\(packagePath): no Package.swift here: run memgate init in a Swift package (or pass --package-path); "
                + "`swift package init --type library` makes one")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("\(path): cannot read the file") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `folder` holds a Package.swift (`--memgate-path` must name a package).
    package static func isPackage(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(folder)/\(AdoptionLayout.manifestPath)")
    }

    /// What `AdoptionPlan` needs to know of the package at `packagePath` for `layout`.
    package static func read(_ layout: AdoptionLayout, manifest: String, in packagePath: String) -> PackageFiles {
        let manager = FileManager.default
        let existing = AdoptionPlan.paths(of: layout).filter { manager.fileExists(atPath: "\(packagePath)/\($0)") }
        let sources = manager.enumerator(atPath: "\(packagePath)/\(layout.targetFolder)")?
            .contains { ($0 as? String)?.hasSuffix(".swift") == true }
        let versioned = ((try? manager.contentsOfDirectory(atPath: packagePath)) ?? [])
            .filter { $0.hasPrefix("Package@swift") && $0.hasSuffix(".swift") }.sorted()
        return PackageFiles(
            manifest: manifest, gitignore: manager.contents(atPath: "\(packagePath)/\(AdoptionLayout.ignorePath)")
                .map { String(decoding: $0, as: UTF8.self) },
            existing: Set(existing), targetFolderHasSources: sources ?? false, versionedManifests: versioned)
    }

    /// Carries out `plan` in the package at `packagePath`, step by step in its order, and
    /// returns the plan as carried out: a file that appeared since it was planned is left
    /// alone (`.keep`, saying so), and so is a `.gitignore` that changed meanwhile.
    ///
    /// - Throws: `CommandError` naming the file when one cannot be written, or when
    ///   Package.swift changed since it was read (nothing is written to it then). Steps
    ///   before the failing one stay done; running `memgate init` again does the rest.
    package static func apply(_ plan: AdoptionPlan, in packagePath: String) throws -> AdoptionPlan {
        var done = plan
        for (index, step) in plan.steps.enumerated() {
            let path = "\(packagePath)/\(step.path)"
            switch step {
            case .create(let relative, let contents):
                try createDirectory(containing: path)
                let created: Bool
                do { created = try NewFile.create(Array(contents.utf8), at: path) } catch { throw CommandError(error) }
                if !created { done.steps[index] = .keep(path: relative, reason: "it appeared while memgate init ran") }
            case .append(let relative, let original):
                guard current(path) == original else {
                    let reason = "it changed while memgate init ran; add \(MemGateIgnore.line) yourself"
                    done.steps[index] = .keep(path: relative, reason: reason)
                    continue
                }
                try replace(path, with: MemGateIgnore.appended(to: original))
            case .edit(let edit):
                guard current(path) == edit.original else {
                    throw CommandError("\(path) changed while memgate init ran: it was left alone; run memgate init again")
                }
                try replace(path, with: edit.edited)
            case .keep, .snippet:
                continue
            }
        }
        return done
    }

    /// The file's text now, nil if it cannot be read.
    private static func current(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces the file at `path` with `text` atomically, keeping its permissions.
    private static func replace(_ path: String, with text: String) throws {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
        do { try AtomicFile.write(Array(text.utf8), to: path) } catch { throw CommandError(error) }
        if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path) }
    }

    /// Creates the folder holding `path` and its parents when missing.
    private static func createDirectory(containing path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CommandError("\(folder): cannot create the folder: \(error.localizedDescription)")
        }
    }
}
