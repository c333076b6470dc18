#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on a folder (`flock(2)` on the folder itself), held while a
/// command reads, changes and rewrites a file in it, so that two such commands take turns
/// instead of one losing the other's change. Nothing is created: no lock file is left behind.
///
///     try FolderLock.holding(folderOf: "baselines/baseline.json", onWait: { note("waiting") }) {
///         // read, merge, write atomically
///     }
///
/// The lock is advisory: it orders processes that take it (`memgate update`, `run --update`,
/// `history append`), not other writers. It is released when the body returns or throws,
/// and by the kernel when the process dies.
package enum FolderLock {
    /// Runs `body` while holding the lock on the folder that holds `path` (which must exist);
    /// calls `onWait` once first when another process holds it, then waits for it.
    ///
    /// - Throws: `PathFailure` when the folder cannot be opened or locked; what `body` throws.
    package static func holding<T>(folderOf path: String, onWait: () -> Void = {}, _ body: () throws -> T) throws -> T {
        let folder = folder(of: path)
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw PathFailure(folder, "cannot lock the folder") }
        defer { close(fd) }  // Closing the descriptor releases the lock.
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { throw PathFailure(folder, "cannot lock the folder") }
            onWait()
            var result: Int32
            repeat { result = flock(fd, LOCK_EX) } while result != 0 && errno == EINTR
            guard result == 0 else { throw PathFailure(folder, "cannot lock the folder") }
        }
        return try body()
    }

    /// The folder holding `path`: the part before its last `/`, `/` for a file at the
    /// root, `.` for a bare name.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
