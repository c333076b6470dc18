#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library functions whose names Swift code shadows (a `write` method, an `isatty`
/// wrapper), reachable under one name on every platform.
package enum LibC {
    #if canImport(Glibc)
    /// `write(2)`.
    package static let write = Glibc.write
    /// `isatty(3)`.
    package static let isatty = Glibc.isatty
    #elseif canImport(Musl)
    package static let write = Musl.write
    package static let isatty = Musl.isatty
    #elseif canImport(Darwin)
    package static let write = Darwin.write
    package static let isatty = Darwin.isatty
    #endif
}
