import Foundation

/// Checks an edited manifest against what the edit meant, from SwiftPM's own reading of
/// both manifests (`swift package dump-package` output): the edit may only add the layout's
/// target and dependency, exactly as planned.
///
///     if let problem = ManifestVerification.problem(original: before, edited: after, layout: layout) {
///         plan.fallBackToSnippet(reason: problem)
///     }
package enum ManifestVerification {
    /// Why the edited manifest is not the original plus the planned entries, or nil when it is.
    ///
    /// It is when SwiftPM reads, in the edited manifest, the new target (executable, at
    /// `layout.targetFolder`, depending on exactly `layout.modules` and BenchKit from
    /// `layout.memgate`) and the new dependency (referred to as `layout.memgate`), where they
    /// were added, and everything else exactly as in the original (the dumps compared as
    /// JSON with sorted keys, without the `packageKind` that names their folders).
    ///
    /// - Parameters:
    ///   - original: the dump of the manifest as it was.
    ///   - edited: the dump of the edited manifest, made in a sibling folder of the original's
    ///     (so that relative dependency paths resolve alike).
    package static func problem(original: Data, edited: Data, layout: AdoptionLayout) -> String? {
        guard let dump = try? PackageDump(json: edited) else { return "SwiftPM's reading of the edited manifest could not be parsed" }
        if layout.target != nil {
            guard let target = dump.target(named: layout.targetName) else { return "SwiftPM found no \(layout.targetName) target in it" }
            let expected = layout.modules.map(PackageDump.TargetDependency.byName) + [.product("BenchKit", package: layout.memgate)]
            guard target.type == "executable", target.path == layout.targetFolder, target.dependencies == expected else {
                return "SwiftPM read the \(layout.targetName) target otherwise than planned (\(target.type) at "
                    + "\(target.path ?? "the default path"), dependencies \(target.dependencies))"
            }
        }
        if layout.dependency != nil, !dump.dependencies.contains(where: { $0.reference == layout.memgate }) {
            return "SwiftPM found no dependency named \(layout.memgate) in it"
        }
        guard var before = try? JSONSerialization.jsonObject(with: original) as? [String: Any],
              var after = try? JSONSerialization.jsonObject(with: edited) as? [String: Any] else {
            return "SwiftPM's reading of the manifests could not be parsed"
        }
        before["packageKind"] = nil
        after["packageKind"] = nil
        if layout.target != nil, let targets = after["targets"] as? [[String: Any]] {
            after["targets"] = targets.filter { $0["name"] as? String != layout.targetName }
        }
        if layout.dependency != nil, var dependencies = after["dependencies"] as? [[String: Any]],
           let added = dependencies.lastIndex(where: { PackageDump.dependency($0)?.reference == layout.memgate }) {
            dependencies.remove(at: added)
            after["dependencies"] = dependencies
        }
        guard let left = try? JSONSerialization.data(withJSONObject: before, options: [.sortedKeys]),
              let right = try? JSONSerialization.data(withJSONObject: after, options: [.sortedKeys]), left == right else {
            return "SwiftPM read more changes in it than the two entries added"
        }
        return nil
    }
}
