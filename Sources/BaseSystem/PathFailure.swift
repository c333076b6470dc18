#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call that failed on a file or folder: `PATH: ACTION: REASON`, for example
/// `baselines: cannot lock the folder: Permission denied`.
package struct PathFailure: Error, CustomStringConvertible {
    /// The file or folder.
    package var path: String
    /// What could not be done (`cannot create the file`).
    package var action: String
    /// The system's reason.
    package var reason: String

    /// `PATH: ACTION: REASON`.
    package var description: String { "\(path): \(action): \(reason)" }

    /// A failure with `reason`, by default the text of the current `errno`.
    package init(_ path: String, _ action: String, reason: String = String(cString: strerror(errno))) {
        self.path = path
        self.action = action
        self.reason = reason
    }
}
