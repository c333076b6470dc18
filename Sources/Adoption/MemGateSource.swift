/// Where a package gets memgate from: the `.package(...)` dependency `memgate init` writes.
///
///     MemGateSource.path("../memgate").packageExpression
///     // .package(name: "memgate", path: "../memgate")
///     MemGateSource.url("https://github.com/OWNER/memgate", from: "0.1.0").packageExpression
///     // .package(url: "https://github.com/OWNER/memgate", from: "0.1.0")
///
/// A local checkout is named explicitly (`name: "memgate"`, the form the TinyBench fixture
/// uses): SwiftPM would otherwise name it after its folder, and `package: "memgate"` in the
/// target would not find it. A URL dependency is referred to by its identity, the URL's last
/// path component without `.git`, lower-cased, which is how SwiftPM names it.
package enum MemGateSource: Equatable, Sendable {
    /// A local checkout, written into the manifest as given (SwiftPM reads a relative path
    /// from the package's folder).
    case path(String)
    /// A git repository and the lowest version wanted (`from:`: up to the next major version).
    case url(String, from: String)

    /// The URL used when none is given: the placeholder the README uses.
    package static let placeholderURL = "https://github.com/OWNER/memgate"

    /// The `.package(...)` expression for Package.swift's `dependencies`.
    package var packageExpression: String {
        switch self {
        case .path(let path): ".package(name: \"memgate\", path: \(swiftStringLiteral(path)))"
        case .url(let url, let version): ".package(url: \(swiftStringLiteral(url)), from: \(swiftStringLiteral(version)))"
        }
    }

    /// The name targets use for this package in `.product(name: "BenchKit", package: ...)`.
    package var reference: String {
        switch self {
        case .path: "memgate"
        case .url(let url, _): Self.identity(ofURL: url)
        }
    }

    /// Whether this is the README's placeholder URL, which the user must replace before the
    /// package resolves.
    package var isPlaceholder: Bool {
        if case .url(let url, _) = self { return url == Self.placeholderURL }
        return false
    }

    /// The package identity SwiftPM gives a repository URL: its last path component (after
    /// `/` or, in `git@host:owner/name`, `:`), without a trailing `/` or `.git`, lower-cased.
    package static func identity(ofURL url: String) -> String {
        var trimmed = Substring(url)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        var last = trimmed.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? String(trimmed)
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }

    /// Whether `version` reads as a semantic version SwiftPM accepts in `from:`:
    /// `MAJOR.MINOR.PATCH`, then optionally `-prerelease` and `+build` of `[0-9A-Za-z.-]`.
    package static func isVersion(_ version: String) -> Bool {
        let core = version.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        let rest = version.dropFirst(core.count)
        return rest.isEmpty || (rest.count > 1 && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.+".contains($0)) })
    }
}
