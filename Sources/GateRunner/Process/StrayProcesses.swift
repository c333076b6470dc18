import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Processes that outlive the child that started them and still work in memgate's folders.
///
/// `swift build` runs each compiler in a process group of its own, and a compiler that was
/// starting when the build was stopped can live on after `swift build` ended (seen with
/// Swift 6.3.1: a single-file module's `swift-frontend` survived SIGINT to the build's group),
/// writing its outputs into a build folder that the cleanup has just removed, and so
/// recreating it. Such a process names the folder on its command line: that is how it is found.
enum StrayProcesses {
    /// The IDs of the processes other than this one whose command line contains `text`
    /// (from `/proc`; none where there is no `/proc`).
    static func mentioning(_ text: String) -> [Int32] {
        let needle = Data(text.utf8)
        guard !needle.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let own = getpid()
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != own,
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                  commandLine.range(of: needle) != nil
            else { return nil }
            return pid
        }
    }

    /// Kills (SIGKILL) every process whose command line contains `text` and waits until none
    /// is left, or `seconds` have passed; returns whether none is left.
    @discardableResult
    static func stop(mentioning text: String, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var left = mentioning(text)
        while !left.isEmpty {
            for pid in left { kill(pid, SIGKILL) }
            guard Date() < deadline else { return false }
            usleep(20_000)
            left = mentioning(text)
        }
        return true
    }
}
