/// The function symbols of an ELF64 little-endian file (x86_64, aarch64 Linux), for
/// turning an address into the name of the function that contains it.
///
///     let table = ELFSymbolTable(bytes: mappedFile.bytes)
///     table?.function(containing: address - loadBias)?.name   // "$s4Main1fyyF"
///
/// Reads the full symbol table (`.symtab`, which has the local symbols Swift gives most
/// functions) and, when the file is stripped of it, the dynamic one (`.dynsym`). Addresses
/// are the file's own (`st_value`); subtract the object's load bias from a runtime address
/// first. Parsing checks every offset and size against the buffer without overflowing: a truncated,
/// foreign or hostile file gives `nil` or fewer symbols, never a crash.
package struct ELFSymbolTable: Sendable {
    /// One function: its address range in the file's address space and its raw name.
    package struct Function: Sendable, Equatable {
        /// The first address.
        package var start: UInt64
        /// The size in bytes (0 when the symbol does not say).
        package var size: UInt64
        /// The symbol name as stored (mangled for Swift).
        package var name: String
    }

    /// The functions, sorted by start address.
    package private(set) var functions: [Function]
    /// The file-relative virtual address of the first loadable segment (for load bias).
    package private(set) var firstLoadAddress: UInt64

    static let symtab: UInt32 = 2, dynsym: UInt32 = 11
    private static let functionType: UInt8 = 2, indirectFunctionType: UInt8 = 10

    /// Parses `bytes`, an entire ELF file; `nil` when it is not an ELF64 little-endian file,
    /// or, with `fullTableOnly`, when it has no full symbol table (`dladdr` already covers the
    /// dynamic one).
    ///
    /// - Parameter containing: when given, file-relative addresses (sorted ascending): only
    ///   the functions with a size that contain one of them are kept (and their names read),
    ///   which makes a large library's table cheap when a few addresses need names.
    package init?(bytes: UnsafeRawBufferPointer, fullTableOnly: Bool = false, containing wanted: [UInt64]? = nil) {
        let reader = ByteReader(bytes: bytes)
        guard let tables = Self.symbolTables(reader, fullTableOnly: fullTableOnly) else { return nil }
        var functions: [Function] = []
        for table in tables {
            for entry in stride(from: table.entries.lowerBound, to: table.entries.upperBound - 23, by: 24) {
                guard let info = reader.u8(entry + 4), let value = reader.u64(entry + 8), value != 0,
                      info & 0xF == Self.functionType || info & 0xF == Self.indirectFunctionType,
                      let nameOffset = reader.u32(entry), let symbolSize = reader.u64(entry + 16),
                      wanted.map({ Self.anyOf($0, in: value, size: symbolSize) }) ?? true,
                      let name = reader.cString(at: table.strings.lowerBound + Int(nameOffset), within: table.strings)
                else { continue }
                functions.append(Function(start: value, size: symbolSize, name: name))
            }
        }
        self.functions = functions.sorted { ($0.start, $1.size) < ($1.start, $0.size) }
        self.firstLoadAddress = Self.firstLoadAddress(reader)
    }

    /// The symbol tables of an ELF64 little-endian file: each table's entries (24 bytes each)
    /// and its string table, the full ones (`.symtab`) when there are any, else the dynamic
    /// one; `nil` when it is no such file, or, with `fullTableOnly`, when it has no full table.
    static func symbolTables(_ reader: ByteReader, fullTableOnly: Bool) -> [(entries: Range<Int>, strings: Range<Int>)]? {
        guard reader.bytes.count >= 64, reader.u32(0) == 0x464C_457F, reader.u8(4) == 2, reader.u8(5) == 1,
              let sectionsOffset = reader.u64(0x28).flatMap(reader.offset), let sectionSize = reader.u16(0x3A),
              let sectionCount = reader.u16(0x3C)
        else { return nil }
        // Both at most 65,535: the products stay far inside Int.
        let sections = (0..<Int(sectionCount)).map { sectionsOffset + $0 * Int(sectionSize) }
        func sectionType(_ header: Int) -> UInt32? { reader.u32(header + 4) }
        let full = sections.filter { sectionType($0) == Self.symtab }
        if full.isEmpty && fullTableOnly { return nil }
        let chosen = full.isEmpty ? sections.filter { sectionType($0) == Self.dynsym } : full
        return chosen.compactMap { header in
            guard let offset = reader.u64(header + 24), let size = reader.u64(header + 32),
                  let table = reader.span(offset, size), let link = reader.u32(header + 40), Int(link) < sections.count,
                  let stringsOffset = reader.u64(sections[Int(link)] + 24), let stringsSize = reader.u64(sections[Int(link)] + 32),
                  let strings = reader.span(stringsOffset, stringsSize)
            else { return nil }
            return (table, strings)
        }
    }

    /// Whether a sorted `addresses` has one in `start..<start + size` (none for size 0).
    private static func anyOf(_ addresses: [UInt64], in start: UInt64, size: UInt64) -> Bool {
        guard size > 0 else { return false }
        var low = 0, high = addresses.count
        while low < high {
            let middle = (low + high) / 2
            if addresses[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < addresses.count && addresses[low] - start < size
    }

    /// The function whose range contains `address` (file-relative); for a symbol without
    /// a size, the nearest one at or below `address`.
    package func function(containing address: UInt64) -> Function? {
        var low = 0, high = functions.count
        while low < high {
            let middle = (low + high) / 2
            if functions[middle].start <= address { low = middle + 1 } else { high = middle }
        }
        // The nearest few symbols at or below: an earlier, larger one may contain a smaller one.
        for index in stride(from: low - 1, through: max(0, low - 4), by: -1) {
            let candidate = functions[index]
            // start <= address here, so the subtraction cannot overflow (an addition could).
            let contains = candidate.size == 0 ? index == low - 1 : address - candidate.start < candidate.size
            if contains { return candidate }
        }
        return nil
    }

    /// The first loadable segment's file-relative address of the ELF file `bytes` (0 when it
    /// has none or is no ELF file): what a load bias is measured from.
    package static func firstLoadAddress(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        firstLoadAddress(ByteReader(bytes: bytes))
    }

    /// The lowest `p_vaddr` of a `PT_LOAD` program header, page-aligned down; 0 if none.
    private static func firstLoadAddress(_ reader: ByteReader) -> UInt64 {
        guard let offset = reader.u64(0x20).flatMap(reader.offset), let size = reader.u16(0x36), let count = reader.u16(0x38)
        else { return 0 }
        var lowest: UInt64?
        for index in 0..<Int(count) {
            let header = offset + index * Int(size)
            guard reader.u32(header) == 1, let address = reader.u64(header + 16) else { continue }
            lowest = min(lowest ?? address, address)
        }
        return (lowest ?? 0) & ~0xFFF
    }
}

/// Bounds-checked little-endian reads from a byte buffer.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer

    /// `value` as an offset into the buffer, if it is one (at most its size).
    func offset(_ value: UInt64) -> Int? { value <= UInt64(bytes.count) ? Int(value) : nil }

    /// The bytes `offset..<offset + size`, if they lie inside the buffer; no overflow traps.
    func span(_ offset: UInt64, _ size: UInt64) -> Range<Int>? {
        let (end, overflow) = offset.addingReportingOverflow(size)
        guard !overflow, end <= UInt64(bytes.count) else { return nil }
        return Int(offset)..<Int(end)
    }

    func u8(_ offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

    func u16(_ offset: Int) -> UInt16? { read(offset, as: UInt16.self) }

    func u32(_ offset: Int) -> UInt32? { read(offset, as: UInt32.self) }

    func u64(_ offset: Int) -> UInt64? { read(offset, as: UInt64.self) }

    private func read<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T? {
        guard offset >= 0, offset <= bytes.count - MemoryLayout<T>.size else { return nil }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The NUL-terminated string at `offset`, which must end inside `range`.
    func cString(at offset: Int, within range: Range<Int>) -> String? {
        let limit = min(range.upperBound, bytes.count)
        guard offset >= range.lowerBound, offset < limit else { return nil }
        var end = offset
        while end < limit && bytes[end] != 0 { end += 1 }
        guard end < limit else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }
}
