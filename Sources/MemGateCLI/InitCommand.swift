import Adoption
import CLISupport
import Foundation
import GateCore
import GateRunner

/// `memgate init`: sets memgate up in an existing Swift package. Reads the manifest with
/// SwiftPM, plans (`AdoptionLayout`, `AdoptionPlan`: pure), checks the manifest edit with
/// SwiftPM, then writes (`AdoptionFiles`) or, with `--dry-run`, only says what it would do.
struct InitCommand: Subcommand {
    static let name = "init"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate init", summary: "Set memgate up in a Swift package: benchmark target, config, .gitignore, CI workflow.",
            usage: "memgate init [options]",
            discussion: """
            In the package (the current directory, or --package-path), adds: a benchmark executable \
            target <Package>Benchmarks at Benchmarks/<Package>Benchmarks, with one example benchmark \
            that imports the first library product's modules (replace its body with a call into them); \
            baselines/memgate.json (that executable; exact metrics and peak RSS gated, time reported); \
            .memgate/ in .gitignore; .github/workflows/memgate.yml (on push, memgate run against the \
            committed baseline; on pull requests, memgate refs against the base branch).

            Package.swift gets the memgate dependency (unless it depends on memgate already, as \
            under `swift package memgate init`: then its name for it is used) and the target, inserted \
            as text only where the manifest is plainly shaped, checked with `swift package dump-package` \
            and written atomically; otherwise Package.swift is left alone and the exact lines to paste \
            are printed. No file is ever overwritten: each one that exists is left alone, and the \
            output says so; a second run changes nothing.

            Exit codes: 0 done (also when there was nothing to do, or the lines to paste were printed), \
            2 usage or input error (no Package.swift, no library product, a manifest SwiftPM cannot read, \
            a file that cannot be written).

            Examples:
              memgate init --memgate-path ../memgate
              memgate init --memgate-url https://github.com/you/memgate --memgate-from 0.1.0
              memgate init --dry-run
              swift package --allow-writing-to-package-directory memgate init
            """)
        spec.option("--package-path", value: "DIR", help: "The Swift package to set up.", defaultDescription: ".")
        spec.option("--memgate-path", value: "PATH", help: "Depend on the memgate checkout at PATH "
            + "(.package(name: \"memgate\", path: PATH); a relative PATH is read from the package's folder, as SwiftPM does).")
        spec.option("--memgate-url", value: "URL", help: "Depend on memgate's git repository at URL.",
                    defaultDescription: MemGateSource.placeholderURL + ", a placeholder to replace")
        spec.option("--memgate-from", value: "VERSION", help: "With a URL: the lowest version wanted (up to the next major).",
                    defaultDescription: MemGateCommand.version)
        spec.option("--memgate-package", value: "IDENTITY", help: "The package dependency that is memgate, when the manifest "
            + "has it under another name (the command plugin passes it).", defaultDescription: "a dependency named memgate")
        spec.option("--library", value: "NAME", help: "The library product the example benchmark calls into.",
                    defaultDescription: "the first library product")
        spec.flag("--no-library", help: "Depend on no library of the package (BenchKit only).")
        spec.flag("--dry-run", help: "Print what would be done, with the manifest's new lines; write nothing.")
        return spec
    }

    /// read the manifest -> plan -> check the edit (SwiftPM's work, in a `GateSession`) ->
    /// write (unless `--dry-run`) -> report.
    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        let packagePath = arguments.value("--package-path") ?? "."
        let (source, library) = try options(arguments, packagePath: packagePath)
        let dryRun = arguments.flag("--dry-run")
        let manifest = try AdoptionFiles.manifest(in: packagePath)
        var (plan, _) = try GateSession.run(
            "memgate init", launches: context.launches, done: "nothing was written", showsProgress: false,
            workspace: { try Workspace(repository: nil, buildRoot: nil, command: "init") }
        ) { session in
            let temporary = session.workspace.root
            let dumper = ManifestDumper(launcher: session.launcher, folder: temporary)
            let original: Data
            do { original = try dumper.dump(manifest, as: "original") } catch let failure as ManifestDumper.Failure {
                // The log names the copy: name the package instead.
                let folder = URL(fileURLWithPath: packagePath).standardizedFileURL
                throw CommandError("SwiftPM cannot read \(packagePath)/Package.swift; fix it first:\n" + failure.log
                    .replacingOccurrences(of: "\(temporary)/original", with: folder.path)
                    .replacingOccurrences(of: "'original'", with: "'\(folder.lastPathComponent)'"))
            }
            let layout = try AdoptionLayout(package: try PackageDump(json: original), source: source, library: library,
                                            memgatePackage: arguments.value("--memgate-package"))
            var plan = AdoptionPlan(layout: layout, files: AdoptionFiles.read(layout, manifest: manifest, in: packagePath),
                                    noisy: GateDefaults.noisyJSON)
            if let edit = plan.manifestEdit, let problem = check(edit, against: original, layout: layout, dumper: dumper) {
                plan.fallBackToSnippet(reason: problem)
            }
            return plan
        }
        // Writing takes milliseconds and is not interrupted halfway; signals are no longer handled.
        if !dryRun { plan = try AdoptionFiles.apply(plan, in: packagePath) }
        context.output += plan.report(dryRun: dryRun)
        return .pass
    }

    /// Why SwiftPM's reading of the edited manifest is not the planned one, nil when it is.
    private static func check(_ edit: ManifestEdit, against original: Data, layout: AdoptionLayout, dumper: ManifestDumper) -> String? {
        let edited: Data
        do { edited = try dumper.dump(edit.edited, as: "edited") } catch let failure as ManifestDumper.Failure {
            return "SwiftPM could not read the edited manifest (\(failure.firstError.replacingOccurrences(of: "'edited': ", with: "")))"
        } catch {
            return "the edited manifest could not be checked (\(error))"
        }
        return ManifestVerification.problem(original: original, edited: edited, layout: layout)
            .map { "the edit did not check out: \($0)" }
    }

    /// Where memgate comes from and which library to call, from the arguments.
    ///
    /// - Throws: `UsageError` for flags that exclude each other, a bad version, text that cannot
    ///   go into a manifest; `CommandError` for a `--memgate-path` without a Package.swift.
    private static func options(_ arguments: ParsedArguments, packagePath: String) throws -> (MemGateSource, LibraryChoice) {
        let path = arguments.value("--memgate-path"), url = arguments.value("--memgate-url"), from = arguments.value("--memgate-from")
        let library = arguments.value("--library")
        for (flag, value) in [("--memgate-path", path), ("--memgate-url", url), ("--memgate-from", from), ("--library", library)] {
            if let value, value.isEmpty || value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw arguments.usageError("\(flag): '\(value)' is empty or holds control characters")
            }
        }
        if path != nil && (url != nil || from != nil) {
            throw arguments.usageError("--memgate-path: not with --memgate-url or --memgate-from (a path or a URL, not both)")
        }
        if let from, !MemGateSource.isVersion(from) {
            throw arguments.usageError("--memgate-from: '\(from)' is not a version like 0.1.0")
        }
        if arguments.flag("--no-library") && library != nil {
            throw arguments.usageError("--no-library: not with --library")
        }
        let choice: LibraryChoice = arguments.flag("--no-library") ? .none : library.map { .named($0) } ?? .first
        guard let path else { return (.url(url ?? MemGateSource.placeholderURL, from: from ?? MemGateCommand.version), choice) }
        let resolved = path.hasPrefix("/") ? path : "\(packagePath)/\(path)"
        guard AdoptionFiles.isPackage(resolved) else {
            throw CommandError("--memgate-path \(path): no Package.swift in \(resolved) "
                + "(a relative path is read from the package's folder)")
        }
        return (.path(path), choice)
    }
}
