#if os(Linux)
import Runtime
#endif

/// What the debug information says about return addresses of this process: per address the
/// functions the optimizer inlined there, innermost first, each at its line, then the function
/// the address is in, at the line of the call. Read by the toolchain's `Runtime` module (Swift's
/// backtracer: DWARF `.debug_line` and `.debug_info` inlined subroutines).
///
/// The `Runtime` module symbolicates only a `Backtrace`, which has no public initializer from
/// addresses; its `Codable` form is the documented compact backtrace format (the Swift
/// repository's `docs/CompactBacktraceFormat.md`), so the addresses are written in that format
/// and decoded (`BacktraceDecoder`, which keeps Foundation out of this module). A build
/// without debug information, or an address the module cannot read, gives no chain: the
/// caller keeps its frame without a line.
package enum InlineChains {
    /// One function at an address, from the debug information.
    package struct Entry: Sendable, Equatable {
        /// The function's symbol (mangled for Swift), empty when unknown.
        package var symbol: String
        /// The file as the compiler recorded it (absolute), the line and the column (0 unknown).
        package var file: String, line: Int, column: Int
        /// Whether this function was inlined into the next entry's.
        package var inlined: Bool

        /// Creates an entry.
        package init(symbol: String, file: String, line: Int, column: Int, inlined: Bool) {
            self.symbol = symbol
            self.file = file
            self.line = line
            self.column = column
            self.inlined = inlined
        }
    }
}

#if os(Linux)
extension InlineChains {
    /// The chain of each of `returnAddresses` that has one: innermost first, the inlined
    /// functions (each at its line), then the function containing the address (at the call).
    /// Addresses are looked up at `address - 1`, inside their call instruction.
    package static func chains(returnAddresses: [UInt]) -> [UInt: [Entry]] {
        guard !returnAddresses.isEmpty, let backtrace = backtrace(returnAddresses),
              let symbolicated = backtrace.symbolicated(
                with: ImageMap.capture(), options: [.showInlineFrames, .showSourceLocations, .useSymbolCache])
        else { return [:] }
        var chains: [UInt: [Entry]] = [:]
        var next = 0, current: [Entry] = []
        for frame in symbolicated.frames {
            let symbol = frame.symbol
            let location = symbol?.sourceLocation
            current.append(Entry(
                symbol: symbol?.rawName ?? "", file: location?.path ?? "", line: location?.line ?? 0,
                column: location?.column ?? 0, inlined: frame.inlined))
            guard !frame.inlined else { continue }
            // A frame not inlined closes the chain of one captured address, in capture order.
            guard next < returnAddresses.count else { return [:] }
            chains[returnAddresses[next]] = current
            next += 1
            current = []
        }
        return next == returnAddresses.count ? chains : [:]
    }

    /// `addresses` as return addresses in the compact backtrace format: the version byte (2),
    /// per address the return-address instruction (0x2F: absolute, 8 bytes) and the address,
    /// big-endian, then the end instruction (0).
    static func compactFormat(_ addresses: [UInt]) -> [UInt8] {
        var bytes: [UInt8] = [0x02]
        bytes.reserveCapacity(2 + addresses.count * 9)
        for address in addresses {
            bytes.append(0x2F)
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: UInt64(address) >> UInt64(shift))) }
        }
        bytes.append(0x00)
        return bytes
    }

    /// The architecture name the format's JSON form carries; `nil` where this code has not been tried.
    private static var architecture: String? {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return nil
        #endif
    }

    private static func backtrace(_ addresses: [UInt]) -> Backtrace? {
        guard let architecture else { return nil }
        let decoder: any Decoder = BacktraceDecoder(
            fields: ["architecture": architecture, "backtrace": BacktraceDecoder.base64(compactFormat(addresses))])
        return try? Backtrace(from: decoder)
    }
}
#else
extension InlineChains {
    /// Darwin: no line information yet (the sites keep function names only).
    package static func chains(returnAddresses: [UInt]) -> [UInt: [Entry]] { [:] }
}
#endif
