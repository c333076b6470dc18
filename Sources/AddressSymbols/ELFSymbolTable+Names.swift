extension ELFSymbolTable {
    /// The file-relative values (`st_value`) of the symbols named in `names`, functions and
    /// data alike, local ones included, from the file's full symbol table (`.symtab`).
    ///
    ///     ELFSymbolTable.values(of: ["_ZL21_swift_retain_adapter"], in: libswiftCore.bytes)
    ///     // ["_ZL21_swift_retain_adapter": 0x5f8a88]
    ///
    /// A name the table lacks, defines with value 0, or defines more than once with different
    /// values is absent from the result: a lookup never guesses between two symbols.
    ///
    /// - Parameters:
    ///   - names: the raw (mangled) names wanted.
    ///   - bytes: an entire ELF64 little-endian file.
    /// - Returns: the values found; empty when the file has no full symbol table.
    package static func values(of names: Set<String>, in bytes: UnsafeRawBufferPointer) -> [String: UInt64] {
        let reader = ByteReader(bytes: bytes)
        guard !names.isEmpty, let tables = symbolTables(reader, fullTableOnly: true) else { return [:] }
        var found: [String: UInt64] = [:], ambiguous: Set<String> = []
        for table in tables {
            for entry in stride(from: table.entries.lowerBound, to: table.entries.upperBound - 23, by: 24) {
                guard let value = reader.u64(entry + 8), value != 0, let nameOffset = reader.u32(entry),
                      let name = reader.cString(at: table.strings.lowerBound + Int(nameOffset), within: table.strings),
                      names.contains(name)
                else { continue }
                if let earlier = found[name], earlier != value { ambiguous.insert(name) }
                found[name] = value
            }
        }
        return found.filter { !ambiguous.contains($0.key) }
    }
}
