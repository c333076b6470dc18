#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLISupport
import Foundation
import GateCore

/// Refuses, before anything is written, a command whose output would land on one of its own
/// inputs (`check B C --output B` would replace the baseline with the verdict): the same
/// path, another spelling of it, a symbolic link to it, or a hard link of it.
package enum InputOverwrite {
    /// A file a command reads or writes, and how the user named it (`--output`, `BASELINE`).
    package typealias Role = (role: String, path: String)

    /// Throws when an output names the same file as an input.
    ///
    /// - Throws: `CommandError` naming both (exit 2).
    package static func refuse(outputs: [Role], inputs: [Role]) throws {
        let inputs = inputs.map { (input: $0, file: FileName($0.path)) }
        for output in outputs {
            let file = FileName(output.path)
            guard let input = inputs.first(where: { $0.file.isSameFile(as: file) })?.input else { continue }
            let shown = input.path == output.path ? input.path : "\(output.path), which is \(input.path)"
            throw CommandError("\(output.role) \(shown): that is the \(input.role) this command reads; refusing to write over "
                + "an input (nothing was written). Choose another path.")
        }
    }
}

/// A path's identity for telling whether two paths name one file: the device and inode of
/// the file it names (symbolic links followed) when it exists, and its canonical absolute
/// path (folders' symbolic links resolved, `.` and `..` removed).
package struct FileName {
    /// Device and inode, when the file exists.
    package var inode: (device: UInt64, inode: UInt64)?
    /// The canonical absolute path.
    package var canonical: String

    package init(_ path: String) {
        var info = stat()
        if stat(path, &info) == 0 { inode = (UInt64(info.st_dev), UInt64(info.st_ino)) }
        canonical = Self.canonicalPath(path)
    }

    /// Whether both name the same existing file, or the same path.
    package func isSameFile(as other: FileName) -> Bool {
        if let a = inode, let b = other.inode { return a == b }
        return canonical == other.canonical
    }

    /// `path` made absolute, with the longest existing prefix resolved by `realpath` (symbolic
    /// links, `.`, `..`) and the rest appended without `.` and with `..` applied.
    package static func canonicalPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while true {
            if let resolved = realpath("/" + components.joined(separator: "/"), nil) {
                defer { free(resolved) }
                var parts = String(cString: resolved).split(separator: "/").map(String.init)
                for part in rest where part != "." {
                    if part == ".." { _ = parts.popLast() } else { parts.append(part) }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let last = components.popLast() else { return absolute }
            rest.insert(last, at: 0)
        }
    }
}
