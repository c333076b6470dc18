@testable import AddressSymbols
import Testing

/// Built ELF files for the symbol-table tests.
enum ELFTestFile {
    /// A minimal ELF64 little-endian file: one PT_LOAD at `loadAddress`, a `.symtab` with the
    /// given function symbols and a data symbol (`aGlobal` at `loadAddress + 0x9000`), and its
    /// string table.
    static func bytes(loadAddress: UInt64 = 0x400000, functions: [(name: String, start: UInt64, size: UInt64)]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 64)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (i, byte) in $0.enumerated() { bytes[offset + i] = byte } }
        }
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        bytes[0...5] = [0x7F, 0x45, 0x4C, 0x46, 2, 1]
        // Program header: PT_LOAD at p_vaddr.
        put(UInt64(bytes.count), at: 0x20)
        put(UInt16(56), at: 0x36)
        put(UInt16(1), at: 0x38)
        append(UInt32(1)); append(UInt32(5)); append(UInt64(0)); append(loadAddress + 0x123); bytes += [UInt8](repeating: 0, count: 32)
        // String table, then symbols: the null symbol, the functions, one object (type 1).
        var strings: [UInt8] = [0]
        var symbols: [UInt8] = [UInt8](repeating: 0, count: 24)
        func symbol(_ name: String, info: UInt8, value: UInt64, size: UInt64) {
            let nameOffset = UInt32(strings.count)
            strings += Array(name.utf8) + [0]
            withUnsafeBytes(of: nameOffset.littleEndian) { symbols += $0 }
            symbols += [info, 0, 1, 0]
            withUnsafeBytes(of: value.littleEndian) { symbols += $0 }
            withUnsafeBytes(of: size.littleEndian) { symbols += $0 }
        }
        for function in functions { symbol(function.name, info: 0x12, value: function.start, size: function.size) }
        symbol("aGlobal", info: 0x11, value: loadAddress + 0x9000, size: 8)
        let stringsOffset = bytes.count
        bytes += strings
        let symbolsOffset = bytes.count
        bytes += symbols
        // Section headers: null, .symtab (link 2), .strtab.
        put(UInt64(bytes.count), at: 0x28)
        put(UInt16(64), at: 0x3A)
        put(UInt16(3), at: 0x3C)
        bytes += [UInt8](repeating: 0, count: 64)
        append(UInt32(0)); append(UInt32(2)); append(UInt64(0)); append(UInt64(0))
        append(UInt64(symbolsOffset)); append(UInt64(symbols.count)); append(UInt32(2)); append(UInt32(0))
        append(UInt64(8)); append(UInt64(24))
        append(UInt32(0)); append(UInt32(3)); append(UInt64(0)); append(UInt64(0))
        append(UInt64(stringsOffset)); append(UInt64(strings.count)); bytes += [UInt8](repeating: 0, count: 24)
        return bytes
    }
}

@Suite struct ELFSymbolTableTests {
    private let file = ELFTestFile.bytes(functions: [("second", 0x401100, 0x40), ("first", 0x401000, 0x100), ("sizeless", 0x402000, 0)])

    @Test func readsFunctionsSortedAndSkipsData() throws {
        let table = try #require(file.withUnsafeBytes { ELFSymbolTable(bytes: $0) })
        #expect(table.functions.map(\.name) == ["first", "second", "sizeless"])
        #expect(table.firstLoadAddress == 0x400000)
    }

    @Test(arguments: [
        (UInt64(0x401000), "first"), (0x4010FF, "first"), (0x401100, "second"), (0x40113F, "second"),
        (0x401140, nil), (0x400FFF, nil), (0x402000, "sizeless"), (0x402345, "sizeless"),
    ] as [(UInt64, String?)])
    func findsTheFunctionContainingAnAddress(address: UInt64, name: String?) throws {
        let table = try #require(file.withUnsafeBytes { ELFSymbolTable(bytes: $0) })
        #expect(table.function(containing: address)?.name == name)
    }

    /// With `fullTableOnly` (a shared library, whose dynamic table `dladdr` reads), a file
    /// with only a dynamic table gives nil; without it, that table is read.
    @Test func fullTableOnlyNeedsASymtab() throws {
        #expect(file.withUnsafeBytes { ELFSymbolTable(bytes: $0, fullTableOnly: true) }?.functions.count == 3)
        var dynamicOnly = file
        // The .symtab section header's sh_type (the second header, 4 bytes in) becomes SHT_DYNSYM.
        let headers = Int(dynamicOnly.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0x28, as: UInt64.self) })
        dynamicOnly[headers + 64 + 4] = 11
        #expect(dynamicOnly.withUnsafeBytes { ELFSymbolTable(bytes: $0, fullTableOnly: true) } == nil)
        #expect(dynamicOnly.withUnsafeBytes { ELFSymbolTable(bytes: $0) }?.functions.count == 3)
    }

    /// `containing:` keeps only the sized functions that hold one of the addresses.
    @Test func keepsOnlyTheFunctionsHoldingTheWantedAddresses() throws {
        let some = try #require(file.withUnsafeBytes { ELFSymbolTable(bytes: $0, containing: [0x401010, 0x401150, 0x402001]) })
        #expect(some.functions.map(\.name) == ["first"])  // 0x401150 is past second's end; sizeless is never kept
        #expect(some.function(containing: 0x401010)?.name == "first")
        let second = try #require(file.withUnsafeBytes { ELFSymbolTable(bytes: $0, containing: [0x401100, 0x40113F]) })
        #expect(second.functions.map(\.name) == ["second"])
        #expect(file.withUnsafeBytes { ELFSymbolTable(bytes: $0, containing: []) }?.functions.isEmpty == true)
    }

    @Test func rejectsWhatIsNotELF64LittleEndian() {
        var big = file
        big[5] = 2
        #expect(big.withUnsafeBytes { ELFSymbolTable(bytes: $0) } == nil)
        #expect(Array("not an ELF file at all, but long enough to have a header of 64 bytes........".utf8)
            .withUnsafeBytes { ELFSymbolTable(bytes: $0) } == nil)
    }

    @Test func survivesEveryTruncation() {
        for length in stride(from: 0, through: file.count, by: 7) {
            let table = Array(file.prefix(length)).withUnsafeBytes { ELFSymbolTable(bytes: $0) }
            #expect((table?.functions.count ?? 0) <= 3)
        }
    }

    /// Every field overwritten, one at a time, with values that overflow an addition or do
    /// not fit an Int: the parser returns nil or some symbols, and lookups stay in range.
    @Test func survivesHostileOffsetsAndSizes() {
        let hostile: [UInt64] = [.max, .max - 7, 1 << 63, UInt64(Int.max), UInt64(file.count) + 1]
        var parsed = 0
        for offset in stride(from: 0, through: file.count - 8, by: 4) {
            for value in hostile {
                var bytes = file
                withUnsafeBytes(of: value.littleEndian) { for (i, byte) in $0.enumerated() { bytes[offset + i] = byte } }
                guard let table = bytes.withUnsafeBytes({ ELFSymbolTable(bytes: $0) }) else { continue }
                parsed += 1
                #expect(table.functions.count <= 3)
                _ = table.function(containing: .max)
                _ = table.function(containing: 0x401000)
            }
        }
        #expect(parsed > 0)
        // A symbol whose end lies past 2^64: found without overflowing.
        let edge = ELFTestFile.bytes(functions: [("edge", .max - 0xF, 0x100)])
        let table = edge.withUnsafeBytes { ELFSymbolTable(bytes: $0) }
        #expect(table?.function(containing: .max)?.name == "edge")
    }
}
