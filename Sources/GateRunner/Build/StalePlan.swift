import Foundation

/// A release build plan SwiftPM kept although the packages changed under it. After a
/// dependency renamed or removed a module (seen with a path dependency and a build folder kept
/// from before: SwiftPM 6.3, memgate's own `SystemSupport` becoming `BaseSystem`), `swift build`
/// can fail again and again with "couldn't build <folder>/X.build/sources because of missing
/// inputs: <the old files>", until the plan is gone; without `release.yaml`, SwiftPM plans anew
/// and the build finds everything else it built still current. After a dependency added a
/// file, the plan lacks it and the build fails to compile (`missesSources(buildFolder:)`).
package enum StalePlan {
    /// Whether a failed build's output says it failed that way.
    package static func isReported(in output: String) -> Bool {
        output.contains("because of missing inputs")
    }

    /// Whether the release plan in `buildFolder` lists Swift files from a folder that now holds
    /// one it does not list: a file added to a dependency after the plan was made. SwiftPM 6.3
    /// kept such a plan for a path dependency and a kept build folder (seen: memgate's
    /// `ARCRuns.swift`, new beside `ARCPass.swift`, and the build failing again and again with
    /// "cannot find 'ARCRun' in scope"). Read only after a failed build; a folder with a Swift
    /// file its target excludes also answers true, which costs one more build.
    package static func missesSources(buildFolder: String) -> Bool {
        guard let plan = try? String(contentsOfFile: buildFolder + "/release.yaml", encoding: .utf8) else { return false }
        let listed = Set(plan.split(separator: "\"").filter { $0.hasPrefix("/") && $0.hasSuffix(".swift") }.map(String.init))
        let folders = Set(listed.map { ($0 as NSString).deletingLastPathComponent })
        return folders.contains { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.contains { $0.hasSuffix(".swift") && !listed.contains(folder + "/" + $0) }
        }
    }

    /// Removes the release plan of the build folder at `buildFolder`, if there is one.
    package static func remove(buildFolder: String) {
        try? FileManager.default.removeItem(atPath: buildFolder + "/release.yaml")
    }
}
