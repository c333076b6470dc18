#if canImport(Glibc)
import Glibc
#endif
import CSystemShims
import Symbolization
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
        #expect(frame.module == "SymbolizationTests")
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
