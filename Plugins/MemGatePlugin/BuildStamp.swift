import Foundation

/// What memgate's executable was built from, as the plugin last built it: every file under the
/// memgate package's `Sources` folder and its manifests (path, size, modification time), and the
/// `swift` that built it (path, size, modification time). When the stamp recorded beside the
/// executable equals the current one, the executable is current and the plugin runs it without
/// starting `swift build` (a SwiftPM start and a null build, about 0.45 s of each warm run).
///
/// The same evidence SwiftPM's own up-to-date check uses (a file's size and time, not its
/// bytes). Anything unreadable makes the stamp nil, and a nil stamp always builds.
struct BuildStamp: Equatable {
    /// One line per input, sorted.
    let text: String

    /// The stamp of memgate's package at `package`, built by `swift`; nil when a file cannot be read.
    static func current(package: URL, swift: URL) -> BuildStamp? {
        var lines: [String] = []
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(at: package, includingPropertiesForKeys: nil) else { return nil }
        var files = entries.filter { $0.lastPathComponent.hasPrefix("Package") && $0.pathExtension == "swift" }
        var unreadable = false
        guard let walk = manager.enumerator(
            at: package.appendingPathComponent("Sources"), includingPropertiesForKeys: [.isDirectoryKey],
            errorHandler: { _, _ in unreadable = true; return false })
        else { return nil }
        // Files and links to files alike: `describe` follows a link to what it names.
        for case let file as URL in walk where (try? file.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == false {
            files.append(file)
        }
        guard !unreadable else { return nil }
        for file in files + [swift.resolvingSymlinksInPath()] {
            guard let line = describe(file) else { return nil }
            lines.append(line)
        }
        return BuildStamp(text: lines.sorted().joined(separator: "\n") + "\n")
    }

    /// The stamp recorded at `file`, if any.
    static func recorded(at file: URL) -> BuildStamp? {
        (try? String(contentsOf: file, encoding: .utf8)).map(BuildStamp.init(text:))
    }

    /// Records the stamp at `file` (written beside it, then renamed over it); a failure only
    /// means the next run builds.
    func record(at file: URL) {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
        guard (try? Data(text.utf8).write(to: temporary)) != nil, rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
    }

    /// `path size seconds.nanoseconds` of a file, or nil.
    private static func describe(_ file: URL) -> String? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return "\(file.path) \(info.st_size) \(time.tv_sec).\(time.tv_nsec)"
    }
}
