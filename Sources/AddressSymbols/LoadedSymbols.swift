import CSystemShims

/// Where named symbols are in this process: the runtime addresses of symbols, local ones
/// included, of a loaded object (the executable or a shared library), read from that
/// object's own full symbol table.
///
///     let anchor = dlsym(nil, "swift_retain")!
///     LoadedSymbols.addresses(of: ["_ZL21_swift_retain_adapter"], inObjectContaining: anchor)
///
/// The object is the one the dynamic linker says contains `anchor` (`dladdr`); the main
/// executable is read through `/proc/self/exe` (its `dladdr` name is `argv[0]`, which may
/// not name it). Addresses are the object's load address plus each symbol's offset from
/// the object's first loadable segment.
package enum LoadedSymbols {
    /// The addresses of `names` in the object containing `anchor`; a name the object's full
    /// symbol table lacks (or has twice with different values) is absent, and so is every
    /// name when no object contains `anchor` or its file cannot be read.
    package static func addresses(of names: Set<String>, inObjectContaining anchor: UnsafeRawPointer) -> [String: UInt] {
        var info = memgate_symbol_info(), main = memgate_symbol_info()
        guard memgate_symbol_lookup(anchor, &info) != 0, let base = info.file_base else { return [:] }
        let inMainExecutable = memgate_symbol_lookup(memgate_caller_address(), &main) != 0 && main.file_base == base
        #if os(Linux)
        let path = inMainExecutable ? "/proc/self/exe" : info.file.map { String(cString: $0) }
        #else
        let path = info.file.map { String(cString: $0) }
        #endif
        guard let path, let file = MappedFile(path: path) else { return [:] }
        let first = ELFSymbolTable.firstLoadAddress(of: file.bytes)
        let loadAddress = UInt(bitPattern: base)
        return ELFSymbolTable.values(of: names, in: file.bytes).compactMapValues { value in
            value >= first ? loadAddress &+ UInt(value - first) : nil
        }
    }
}
