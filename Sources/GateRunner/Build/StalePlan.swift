import Foundation

/// A release build plan SwiftPM kept although the packages changed under it. After a
/// dependency renamed or removed a module (seen with a path dependency and a build folder kept
/// from before: SwiftPM 6.3, memgate's own `SystemSupport` becoming `BaseSystem`), `swift build`
/// can fail again and again with "couldn't build <folder>/X.build/sources because of missing
/// inputs: <the old files>", until the plan is gone; without `release.yaml`, SwiftPM plans anew
/// and the build finds everything else it built still current.
package enum StalePlan {
    /// Whether a failed build's output says it failed that way.
    package static func isReported(in output: String) -> Bool {
        output.contains("because of missing inputs")
    }

    /// Removes the release plan of the build folder at `buildFolder`, if there is one.
    package static func remove(buildFolder: String) {
        try? FileManager.default.removeItem(atPath: buildFolder + "/release.yaml")
    }
}
