/// What the impure side found in the package folder, for `AdoptionPlan`.
package struct PackageFiles: Equatable, Sendable {
    /// Package.swift's text.
    package var manifest: String
    /// `.gitignore`'s text, nil when there is none.
    package var gitignore: String?
    /// Which of the layout's paths (`AdoptionPlan.paths(of:)`) exist.
    package var existing: Set<String>
    /// Whether the benchmark target's folder holds Swift sources already.
    package var targetFolderHasSources: Bool
    /// Version-specific manifests (`Package@swift-6.0.swift`) beside Package.swift.
    package var versionedManifests: [String]

    /// What was found (every field as described above).
    package init(manifest: String, gitignore: String? = nil, existing: Set<String> = [], targetFolderHasSources: Bool = false,
                 versionedManifests: [String] = []) {
        self.manifest = manifest
        self.gitignore = gitignore
        self.existing = existing
        self.targetFolderHasSources = targetFolderHasSources
        self.versionedManifests = versionedManifests
    }
}

/// One thing `memgate init` does, or leaves alone, to one file.
package enum AdoptionStep: Equatable, Sendable {
    /// Create the file at `path` (it does not exist) with `contents`.
    case create(path: String, contents: String)
    /// Leave the file at `path` as it is, because `reason`.
    case keep(path: String, reason: String)
    /// Add `MemGateIgnore.line` to the end of the file at `path`, whose content is `original`.
    case append(path: String, original: String)
    /// Make `edit` to Package.swift.
    case edit(ManifestEdit)
    /// Leave Package.swift alone because `reason`, and show `lines` to paste into it.
    case snippet(reason: String, lines: [String])

    /// The file the step is about.
    package var path: String {
        switch self {
        case .create(let path, _), .keep(let path, _), .append(let path, _): path
        case .edit, .snippet: AdoptionLayout.manifestPath
        }
    }
}

/// What `memgate init` does to a package: for each file, create it, append to it, edit it or
/// leave it alone. Pure: the same layout and files give the same plan; nothing that exists
/// is ever replaced (Package.swift and `.gitignore` only gain lines).
///
///     var plan = AdoptionPlan(layout: layout, files: files, noisy: GateDefaults.noisyJSON)
///     plan.isNothingToDo        // true on a second run
///     plan.steps                // [.create(path: "Benchmarks/FooBenchmarks/FooBenchmarks.swift", ...), ...]
///
/// Steps come in this order: the benchmark source, `baselines/memgate.json`, `.gitignore`,
/// the workflow, Package.swift (last, so the manifest names a target whose source exists).
package struct AdoptionPlan: Equatable, Sendable {
    /// The names and paths used.
    package var layout: AdoptionLayout
    /// One step per file.
    package var steps: [AdoptionStep]

    /// Whether every step leaves its file alone: memgate is set up here already.
    package var isNothingToDo: Bool {
        steps.allSatisfy { if case .keep = $0 { true } else { false } }
    }

    /// The Package.swift edit the plan makes, if it makes one.
    package var manifestEdit: ManifestEdit? {
        steps.lazy.compactMap { if case .edit(let edit) = $0 { edit } else { nil } }.first
    }

    /// The paths whose existence `init(layout:files:)` reads, relative to the package.
    package static func paths(of layout: AdoptionLayout) -> [String] {
        [layout.sourcePath, AdoptionLayout.configPath, AdoptionLayout.workflowPath]
    }

    /// Plans every step for `layout` given `files`; the config gets `noisy` as its `"noisy"`
    /// value (JSON text; the gate passes `GateDefaults.noisyJSON`).
    package init(layout: AdoptionLayout, files: PackageFiles, noisy: String) {
        self.layout = layout
        var steps: [AdoptionStep] = []
        if files.existing.contains(layout.sourcePath) {
            steps.append(.keep(path: layout.sourcePath, reason: "it exists"))
        } else if files.targetFolderHasSources {
            steps.append(.keep(path: layout.targetFolder + "/", reason: "it has Swift sources already, so no example is added"))
        } else {
            steps.append(.create(path: layout.sourcePath, contents: AdoptionTemplates.benchmarkSource(layout)))
        }
        steps.append(Self.create(AdoptionLayout.configPath, AdoptionTemplates.configuration(layout, noisy: noisy), files))
        if let ignore = files.gitignore {
            steps.append(MemGateIgnore.isIgnored(in: ignore)
                ? .keep(path: AdoptionLayout.ignorePath, reason: "it ignores .memgate/ already")
                : .append(path: AdoptionLayout.ignorePath, original: ignore))
        } else {
            steps.append(.create(path: AdoptionLayout.ignorePath, contents: MemGateIgnore.line + "\n"))
        }
        steps.append(Self.create(AdoptionLayout.workflowPath, AdoptionTemplates.workflow, files))
        steps.append(Self.manifestStep(layout, files))
        self.steps = steps
    }

    /// Creates `path` with `contents`, unless it exists.
    private static func create(_ path: String, _ contents: String, _ files: PackageFiles) -> AdoptionStep {
        files.existing.contains(path) ? .keep(path: path, reason: "it exists") : .create(path: path, contents: contents)
    }

    /// Package.swift: left alone when it has both entries, else edited where `ManifestEdit`
    /// can do it safely, else the snippet.
    private static func manifestStep(_ layout: AdoptionLayout, _ files: PackageFiles) -> AdoptionStep {
        guard layout.dependency != nil || layout.target != nil else {
            return .keep(path: AdoptionLayout.manifestPath,
                         reason: "it depends on memgate (as \"\(layout.memgate)\") and has the \(layout.targetName) target already")
        }
        if let versioned = files.versionedManifests.first {
            return snippet(layout, reason: "the package has version-specific manifests (\(versioned)); add the lines to the one "
                + "your Swift version reads")
        }
        do {
            return .edit(try ManifestEdit(manifest: files.manifest, dependency: layout.dependency, target: layout.target))
        } catch {
            return snippet(layout, reason: "it cannot be edited safely: \(error.reason)")
        }
    }

    /// Replaces the Package.swift edit with the snippet, saying `reason` (the edited manifest
    /// did not check out with SwiftPM).
    package mutating func fallBackToSnippet(reason: String) {
        guard let index = steps.firstIndex(where: { if case .edit = $0 { true } else { false } }) else { return }
        steps[index] = Self.snippet(layout, reason: reason)
    }

    /// The lines to paste into Package.swift, with where they go.
    private static func snippet(_ layout: AdoptionLayout, reason: String) -> AdoptionStep {
        var lines: [String] = []
        if let dependency = layout.dependency {
            lines.append("in Package(...)'s dependencies: [...] (add that argument before targets: if there is none):")
            lines += dependency.lines(indent: "        ", unit: "    ", trailingComma: true)
        }
        if let target = layout.target {
            lines.append("in its targets: [...]:")
            lines += target.lines(indent: "        ", unit: "    ", trailingComma: true)
        }
        return .snippet(reason: reason, lines: lines)
    }
}
