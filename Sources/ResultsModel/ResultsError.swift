/// Why a results file could not be read or written. Every case names the file.
package enum ResultsError: Error, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case missing(path: String)
    /// The path exists but is not a regular file (a directory, FIFO, device...).
    case notARegularFile(path: String)
    /// The file is larger than a results file can sensibly be.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file is empty.
    case empty(path: String)
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The content is not valid JSON, or not the expected structure.
    case malformed(path: String, place: String, problem: String)
    /// The content parsed but breaks an invariant (found by `validate()`); `path` is filled
    /// in by the reader.
    case invalid(path: String = "", place: String, problem: String)
    /// The file could not be written; the previous content, if any, is intact.
    case unwritable(path: String, reason: String)

    package var description: String {
        switch self {
        case let .missing(path): "\(path): no such file"
        case let .notARegularFile(path): "\(path): not a regular file"
        case let .tooLarge(path, bytes, limit): "\(path): \(bytes) bytes is larger than the \(limit)-byte limit for a results file"
        case let .empty(path): "\(path): the file is empty (an interrupted write? re-run the benchmarks)"
        case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
        case let .malformed(path, place, problem):
            place.isEmpty ? "\(path): \(problem)" : "\(path): at \(place): \(problem)"
        case let .invalid(path, place, problem): "\(path): at \(place): \(problem)"
        case let .unwritable(path, reason): "\(path): cannot write: \(reason)"
        }
    }

    /// This error with `path` set, for errors raised before the file name was known.
    package func at(path: String) -> ResultsError {
        if case let .invalid(_, place, problem) = self { return .invalid(path: path, place: place, problem: problem) }
        return self
    }
}
