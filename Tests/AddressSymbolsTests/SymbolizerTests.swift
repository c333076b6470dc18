#if canImport(Glibc)
import Glibc
#endif
@testable import AddressSymbols
import CSystemShims
import Foundation
import Testing

/// The return address into this function from a call it makes.
@inline(never)
func returnAddressInsideAKnownFunction() -> UInt {
    UInt(bitPattern: memgate_caller_address())
}

@Suite struct SymbolizerTests {
    #if os(Linux)
    @Test func namesAFunctionOfTheMainExecutableDemangled() throws {
        let address = returnAddressInsideAKnownFunction()
        try #require(address != 0)
        let anchor = try #require(UnsafeRawPointer(bitPattern: address))
        let frame = Symbolizer(anchor: anchor).frame(returnAddress: address)
        #expect(frame.name == "returnAddressInsideAKnownFunction()")
        #expect(frame.symbol.hasPrefix("$s"))
        #expect(frame.module == "AddressSymbolsTests")
        #expect(frame.inMainExecutable)
    }

    @Test func namesALibraryFunctionThroughDladdr() throws {
        let anchor = try #require(UnsafeRawPointer(bitPattern: returnAddressInsideAKnownFunction()))
        let address = UInt(bitPattern: unsafeBitCast(getpid as @convention(c) () -> pid_t, to: UnsafeRawPointer.self)) + 1
        let frame = Symbolizer(anchor: anchor).frame(returnAddress: address)
        #expect(!frame.inMainExecutable)
        #expect(frame.name.hasSuffix("getpid"), "\(frame.name)")  // glibc exports it as getpid and __getpid
    }
    #endif
}

/// The inline chains of the debug information, as the `Runtime` module reads them.
@Suite struct InlineChainTests {
    /// The compact backtrace format's bytes for two return addresses (docs/CompactBacktraceFormat.md
    /// in the Swift repository: version 2; 0x2F = return address, absolute, 8 bytes; 0 = end).
    @Test func addressesAreWrittenInTheCompactFormat() {
        #expect(InlineChains.compactFormat([0x1122_3344_5566_7788, 0xFF]) == [
            0x02, 0x2F, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x2F, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0x00,
        ])
        #expect(InlineChains.compactFormat([]) == [0x02, 0x00])
    }

    #if os(Linux)
    /// RFC 4648's test vectors, and the bytes of every length mod 3.
    @Test func base64IsRFC4648() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (text, encoded) in vectors { #expect(BacktraceDecoder.base64(Array(text.utf8)) == encoded, "\(text)") }
        #expect(BacktraceDecoder.base64([0xFF, 0xFE, 0x00, 0x3E, 0x3F]) == "//4APj8=")
        #expect(BacktraceDecoder.base64(InlineChains.compactFormat([])) == "AgA=")
    }
    #endif

    /// A chain becomes the inlined functions (named from their symbols, each at its line) and
    /// then the containing frame, named as before, at the call's line; no chain, no change.
    @Test func aChainExpandsAFrame() {
        let physical = SymbolizedFrame(name: "Blocks.flush()", module: "App", inMainExecutable: true, symbol: "$s3App6BlocksO5flushyyFZ")
        let chain = [
            InlineChains.Entry(symbol: "$s3App6BlocksO11allocateOne5bytesySi_tFZ", file: "/p/B.swift", line: 43, column: 20, inlined: true),
            InlineChains.Entry(symbol: "", file: "", line: 0, column: 0, inlined: true),
            InlineChains.Entry(symbol: "$s3App6BlocksO5flushyyFZ", file: "/p/B.swift", line: 38, column: 0, inlined: false),
        ]
        let frames = Symbolizer.expand(physical, chain: chain)
        #expect(frames.map(\.name) == ["Blocks.allocateOne(bytes:)", "inlined function", "Blocks.flush()"])
        #expect(frames.map(\.inlined) == [true, true, false])
        #expect(frames.map(\.line) == [
            SourceLine(file: "/p/B.swift", line: 43, column: 20), nil, SourceLine(file: "/p/B.swift", line: 38, column: nil),
        ])
        #expect(frames[0].module == "App")
        #expect(Symbolizer.expand(physical, chain: []) == [physical])
    }

    #if os(Linux)
    /// This test binary is built with `-g`: a function of it has a line, and that line is
    /// the call's in this file.
    @Test func aFunctionOfThisBinaryHasItsCallLine() throws {
        let address = returnAddressInsideAKnownFunction()
        let anchor = try #require(UnsafeRawPointer(bitPattern: address))
        let frames = Symbolizer(anchor: anchor).frames(returnAddress: address)
        let outer = try #require(frames.last)
        #expect(outer.name == "returnAddressInsideAKnownFunction()")
        let line = try #require(outer.line, "\(frames)")
        #expect(line.file.hasSuffix("Tests/AddressSymbolsTests/SymbolizerTests.swift") && line.line == Self.callLine, "\(line)")
    }

    /// The line of the call in `returnAddressInsideAKnownFunction` (found in this file's text, not typed in).
    static var callLine: Int {
        let text = (try? String(contentsOfFile: #filePath, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains("UInt(bitPattern: memgate_caller_address())") } ?? -1) + 1
    }
    #endif
}

