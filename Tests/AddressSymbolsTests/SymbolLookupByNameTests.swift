#if canImport(Glibc)
import Glibc
#endif
@testable import AddressSymbols
import Testing

/// Names to addresses: `ELFSymbolTable.values(of:in:)` on built files, and `LoadedSymbols`
/// on this process's own Swift runtime.
@Suite struct SymbolLookupByNameTests {
    @Test func findsFunctionsAndDataByNameAndNothingElse() {
        let file = ELFTestFile.bytes(functions: [("first", 0x401000, 0x100), ("second", 0x401100, 0x40)])
        let values = file.withUnsafeBytes { ELFSymbolTable.values(of: ["first", "aGlobal", "absent"], in: $0) }
        #expect(values == ["first": 0x401000, "aGlobal": 0x409000])
    }

    @Test func aNameDefinedTwiceWithDifferentValuesIsNotGuessed() {
        let file = ELFTestFile.bytes(functions: [("twice", 0x401000, 0x10), ("twice", 0x402000, 0x10), ("once", 0x403000, 1)])
        let values = file.withUnsafeBytes { ELFSymbolTable.values(of: ["twice", "once"], in: $0) }
        #expect(values == ["once": 0x403000])
    }

    @Test func truncatedOrForeignBytesGiveNothing() {
        let file = ELFTestFile.bytes(functions: [("first", 0x401000, 0x100)])
        for length in [0, 16, 64, file.count / 2] {
            let values = Array(file.prefix(length)).withUnsafeBytes { ELFSymbolTable.values(of: ["first"], in: $0) }
            #expect(values.isEmpty || values == ["first": 0x401000], "length \(length)")
        }
        #expect([UInt8](repeating: 7, count: 256).withUnsafeBytes { ELFSymbolTable.values(of: ["first"], in: $0) }.isEmpty)
    }

    /// The runtime's exported `swift_retain` found through its library's own table lands on
    /// the address the dynamic linker gives it: the load-address arithmetic is right. The
    /// local symbols the reference-counting pass needs are there too (Swift 6.3.1, Linux).
    @Test func findsTheSwiftRuntimesOwnSymbolsAtTheirLoadedAddresses() throws {
        let retain = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "swift_retain"))
        let names: Set = ["swift_retain", "_ZL21_swift_retain_adapter", "__swift_retain_"]
        let found = LoadedSymbols.addresses(of: names, inObjectContaining: retain)
        #expect(found["swift_retain"] == UInt(bitPattern: retain))
        #expect(Set(found.keys) == names, "libswiftCore's .symtab lacks a symbol the pass relies on: \(found)")
    }
}
