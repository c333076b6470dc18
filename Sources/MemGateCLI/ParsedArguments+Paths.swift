import CLISupport
import Foundation

extension ParsedArguments {
    /// The value of option `name` (else `fallback`) as an absolute, standardized path
    /// (relative to the current directory; `.` and `..` removed), or nil when neither is given.
    func absolutePath(_ name: String, orElse fallback: String? = nil) -> String? {
        (value(name) ?? fallback).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}
